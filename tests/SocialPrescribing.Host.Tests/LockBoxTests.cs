using System.Net;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The lock-box on the program's own read paths: what the person withholds from link workers (by role) or from one
/// person (by id) is missing from the journey, its timeline and its past views, its assessments and outcomes, and the
/// documents that person prints, each saying that something is withheld and never what; a supervisor not named by
/// the directive still sees the whole record.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class LockBoxTests(HostFixture fixture)
{
    private const string Secret = "Misses the late husband's garden";

    private static readonly int[] Phq9 = [1, 1, 1, 1, 0, 0, 0, 0, 0];

    private static string[] Texts(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<string>())];

    private static string[] Types(JsonObject journey) => [.. journey["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    /// <summary>An engaged journey of <paramref name="worker"/>'s with a note, what matters, a plan, an assessment and a community referral.</summary>
    private async Task<Guid> FullRecordAsync(string worker)
    {
        var http = fixture.Client;
        var id = await Api.CreateJourneyAsync(http);
        await Api.CommandOkAsync(http, id, "accept", new { linkWorkerId = worker });
        await Api.CommandOkAsync(http, id, "record-contact", new { mode = "phone", purpose = "introduction", notes = Secret + " (contact note)" });
        await Api.CommandOkAsync(http, id, "record-what-matters", new { items = new[] { Secret } });
        await Api.CommandOkAsync(http, id, "agree-plan", new { goals = new[] { "Join the community garden" } });
        using (var assessed = await Api.PostAsync(http, $"{Api.Journeys()}/{id}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = Phq9 }))
        {
            Assert.Equal(HttpStatusCode.Created, assessed.StatusCode);
        }

        await Api.CommandOkAsync(http, id, "make-community-referral", new { program = new { name = "Community Garden", organization = "Parkdale Growers" } });
        return id;
    }

    private Task<HttpResponseMessage> AsAsync(string subject, string role, string path) =>
        fixture.Factory.SendAsAsync(HttpMethod.Get, path, subject, [role]);

    [Fact]
    public async Task What_the_person_withholds_from_link_workers_is_missing_from_every_read_they_make_and_each_says_so()
    {
        var worker = "lw-lockbox-" + Guid.NewGuid().ToString("N")[..6];
        var id = await FullRecordAsync(worker);
        var before = await Api.GetJourneyAsync(fixture.Client, id);
        await Api.CommandOkAsync(fixture.Client, id, "withhold-information", new { parts = new[] { "assessments", "notes", "what-matters" }, roles = new[] { "link-worker" } });
        var journeyPath = $"{Api.Journeys()}/{id}";

        // The link worker's view: the parts are gone, the rest is there, and a notice says something is withheld.
        var seen = await Api.ReadAsync(await AsAsync(worker, AccessRoles.LinkWorker, journeyPath));
        Assert.Equal(Disclosure.Notice, seen["notice"]!.GetValue<string>());
        Assert.Empty(seen["whatMatters"]!.AsArray());
        Assert.Empty(seen["assessments"]!.AsArray());
        Assert.All(seen["contacts"]!.AsArray(), c => Assert.Null(c!["notes"]));
        Assert.Equal(["Join the community garden"], Texts(seen["plan"]!["goals"]));
        Assert.Single(seen["communityReferrals"]!.AsArray());
        // The directive itself says what is withheld, so it is withheld too; so are the events that carry the parts.
        Assert.Empty(seen["withholdingDirectives"]!.AsArray());
        Assert.DoesNotContain("WhatMattersRecorded", Types(seen));
        Assert.DoesNotContain("AssessmentRecorded", Types(seen));
        Assert.DoesNotContain("InformationWithheld", Types(seen));
        Assert.DoesNotContain(Secret, seen.ToJsonString(), StringComparison.Ordinal);
        // The events shown keep their versions in the journey.
        var versions = seen["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<long>()).ToList();
        var all = before["timeline"]!.AsArray().ToDictionary(e => e!["version"]!.GetValue<long>(), e => e!["type"]!.GetValue<string>());
        Assert.Equal(versions.Order(), versions);
        Assert.All(seen["timeline"]!.AsArray(), e => Assert.Equal(all.GetValueOrDefault(e!["version"]!.GetValue<long>(), "InformationWithheld"), e["type"]!.GetValue<string>()));

        // Read a window at a time, the timeline withholds the same events (a window may show none of its own).
        var windowed = new List<long>();
        for (long? end = null; ;)
        {
            var window = await Api.ReadAsync(await AsAsync(worker, AccessRoles.LinkWorker, $"{journeyPath}/timeline?limit=1" + (end is { } b ? $"&before={b}" : "")));
            windowed.InsertRange(0, window["items"]!.AsArray().Select(e => e!["version"]!.GetValue<long>()));
            Assert.DoesNotContain(Secret, window.ToJsonString(), StringComparison.Ordinal);
            var earlier = window["earlierEvents"]!.GetValue<long>();
            if (earlier == 0)
            {
                break;
            }

            end = earlier + 1;
        }

        Assert.Equal(versions, windowed);

        // As it was before the directive, the journey is withheld the same way: a directive in force covers the past.
        var asOf = Uri.EscapeDataString(before["timeline"]!.AsArray()[^1]!["occurredAt"]!.GetValue<DateTimeOffset>().ToString("O"));
        var past = await Api.ReadAsync(await AsAsync(worker, AccessRoles.LinkWorker, $"{journeyPath}?asOf={asOf}"));
        Assert.Equal(Disclosure.Notice, past["notice"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, past.ToJsonString(), StringComparison.Ordinal);

        // Assessments and outcomes, which would be nothing but the withheld part, are refused with the notice.
        foreach (var path in new[] { $"{journeyPath}/assessments", $"{journeyPath}/outcomes" })
        {
            using var refused = await AsAsync(worker, AccessRoles.LinkWorker, path);
            Assert.Equal(Disclosure.Notice, (await Api.ProblemAsync(refused, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        }

        // The plan summary prints without what matters, and says so.
        using (var document = await AsAsync(worker, AccessRoles.LinkWorker, $"{journeyPath}/documents/plan-summary?lang=en"))
        {
            var html = WebUtility.HtmlDecode(await document.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Contains(Disclosure.Notice, html, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
            Assert.Contains("Join the community garden", html, StringComparison.Ordinal);
        }

        using (var french = await AsAsync(worker, AccessRoles.LinkWorker, $"{journeyPath}/documents/plan-summary?lang=fr"))
        {
            Assert.Contains("retenus à la demande de la personne", WebUtility.HtmlDecode(await french.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }

        // A supervisor, whom the directive does not name, sees the whole record and no notice.
        var supervisor = await Api.ReadAsync(await AsAsync("sup-lockbox", AccessRoles.Supervisor, journeyPath));
        Assert.Null(supervisor["notice"]);
        Assert.Equal([Secret], Texts(supervisor["whatMatters"]));
        Assert.Single(supervisor["assessments"]!.AsArray());
        Assert.Single(supervisor["withholdingDirectives"]!.AsArray());
        using (var assessments = await AsAsync("sup-lockbox", AccessRoles.Supervisor, $"{journeyPath}/assessments"))
        {
            Assert.Equal(HttpStatusCode.OK, assessments.StatusCode);
        }
    }

    [Fact]
    public async Task Documents_withheld_from_one_person_are_refused_to_them_alone()
    {
        var worker = "lw-nodocs-" + Guid.NewGuid().ToString("N")[..6];
        var id = await FullRecordAsync(worker);
        await Api.CommandOkAsync(fixture.Client, id, "withhold-information", new { parts = new[] { "documents" }, recipientIds = new[] { worker } });
        var document = $"{Api.Journeys()}/{id}/documents/plan-summary";

        using (var refused = await AsAsync(worker, AccessRoles.LinkWorker, document))
        {
            Assert.Equal(Disclosure.Notice, (await Api.ProblemAsync(refused, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>());
        }

        // The rest of the record is theirs to read, with the notice; a supervisor prints the document as usual.
        var seen = await Api.ReadAsync(await AsAsync(worker, AccessRoles.LinkWorker, $"{Api.Journeys()}/{id}"));
        Assert.Equal(Disclosure.Notice, seen["notice"]!.GetValue<string>());
        Assert.Equal([Secret], Texts(seen["whatMatters"]));
        using var printed = await AsAsync("sup-lockbox", AccessRoles.Supervisor, document);
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.DoesNotContain(Disclosure.Notice, WebUtility.HtmlDecode(await printed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }
}
