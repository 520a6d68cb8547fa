using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

[Collection(HostCollection.Name)]
public sealed class JourneyApiTests(HostFixture fixture)
{
    private HttpClient Http => fixture.Client;

    [Fact]
    public async Task A_referral_opens_a_journey_that_can_be_read_back()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await Api.ReadAsync(response);
        var id = created["journeyId"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/tenants/ab/journeys/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("referred", created["status"]!.GetValue<string>());
        var journey = await Api.GetJourneyAsync(Http, id);
        Assert.Equal("referred", journey["status"]!.GetValue<string>());
        Assert.Equal(1, journey["version"]!.GetValue<int>());
        Assert.Equal("Marie", journey["client"]!["givenName"]!.GetValue<string>());
        Assert.Equal("T2P 1J9", journey["client"]!["postalCode"]!.GetValue<string>());
        Assert.Equal("Dr. Amir Patel", journey["referrer"]!["name"]!.GetValue<string>());
        var entry = Assert.Single(journey["timeline"]!.AsArray())!;
        Assert.Equal("ReferralReceived", entry["type"]!.GetValue<string>());
        Assert.Equal("family-physician", entry["data"]!["source"]!.GetValue<string>());
        Assert.Equal(["accept", "decline", "record-contact-attempt", "record-consent", "withdraw-consent", "withhold-information"], journey["allowedCommands"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task A_journey_walks_the_whole_pathway_to_discharge()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var accepted = await Api.CommandOkAsync(Http, id, "accept", new { linkWorkerId = "lw-42" });
        await Api.CommandOkAsync(Http, id, "record-contact-attempt", new { outcome = "no-answer" });
        await Api.CommandOkAsync(Http, id, "record-contact", new { mode = "phone", purpose = "introduction" });
        await Api.CommandOkAsync(Http, id, "record-what-matters", new { items = new[] { "Getting out of the house", "Gardening again" } });
        await Api.CommandOkAsync(Http, id, "agree-plan", new { goals = new[] { "Walk with others twice a week" } });
        var made = await Api.CommandOkAsync(Http, id, "make-community-referral", new { program = new { name = "Tuesday Walking Club", organization = "Calgary Seniors Centre", serviceId = "svc-123" } });
        var referralId = made["events"]![0]!["data"]!["communityReferralId"]!.GetValue<string>();
        await Api.CommandOkAsync(Http, id, "update-community-referral", new { communityReferralId = referralId, status = "accepted" });
        await Api.CommandOkAsync(Http, id, "update-community-referral", new { communityReferralId = referralId, status = "in-progress" });
        // Two weeks ahead of the host's clock: a follow-up may not be due in the past.
        var dueOn = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await Api.CommandOkAsync(Http, id, "schedule-follow-up", new { dueOn });
        var followUpId = scheduled["events"]![0]!["data"]!["followUpId"]!.GetValue<string>();
        await Api.CommandOkAsync(Http, id, "complete-follow-up", new { followUpId, notes = "Walked twice this week." });
        await Api.CommandOkAsync(Http, id, "update-community-referral", new { communityReferralId = referralId, status = "completed" });
        var discharged = await Api.CommandOkAsync(Http, id, "discharge", new { reason = "Goals met" });

        Assert.Equal("accepted", accepted["status"]!.GetValue<string>());
        // Five business days from a weekday, with no holiday between, is one calendar week.
        var acceptedEvent = accepted["events"]![0]!;
        Assert.Equal(
            acceptedEvent["occurredAt"]!.GetValue<DateTimeOffset>().AddDays(7),
            acceptedEvent["data"]!["firstContactDueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("discharged", discharged["status"]!.GetValue<string>());
        // Only the person's consent and lock-box commands outlive the pathway.
        Assert.Equal(["record-consent", "withdraw-consent", "withhold-information"], discharged["allowedCommands"]!.AsArray().Select(n => n!.GetValue<string>()));
        var journey = await Api.GetJourneyAsync(Http, id);
        Assert.Equal(13, journey["version"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(1, 13), journey["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()));
        Assert.Equal(0, journey["earlierEvents"]!.GetValue<long>());

        // A long timeline is read a window at a time, newest first, back to the referral.
        var newest = await Api.ReadAsync(await Api.GetAsync(Http, $"{Api.Journeys()}/{id}?timelineLimit=5"));
        Assert.Equal(Enumerable.Range(9, 5), newest["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()));
        Assert.Equal(8, newest["earlierEvents"]!.GetValue<long>());
        var windows = new List<int>();
        long? before = null;
        do
        {
            var window = await Api.ReadAsync(await Api.GetAsync(Http, $"{Api.Journeys()}/{id}/timeline?limit=5" + (before is { } b ? $"&before={b}" : "")));
            windows.InsertRange(0, window["items"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()));
            before = window["earlierEvents"]!.GetValue<long>() is > 0 and var earlier ? earlier + 1 : null;
        }
        while (before is not null);
        Assert.Equal(Enumerable.Range(1, 13), windows);
        Assert.Equal(
            journey["timeline"]!.AsArray().Select(e => e!.ToJsonString()),
            (await Api.ReadAsync(await Api.GetAsync(Http, $"{Api.Journeys()}/{id}/timeline?limit=1000")))["items"]!.AsArray().Select(e => e!.ToJsonString()));
        foreach (var (path, field) in new[] { ($"{id}?timelineLimit=0", "timelineLimit"), ($"{id}/timeline?limit=1001", "limit"), ($"{id}/timeline?before=x", "before") })
        {
            var refused = await Api.GetAsync(Http, $"{Api.Journeys()}/{path}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await Api.ReadAsync(refused))["errors"]![field]);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync(Http, $"{Api.Journeys()}/{Guid.NewGuid()}/timeline")).StatusCode);
        Assert.Equal("completed", journey["communityReferrals"]![0]!["status"]!.GetValue<string>());
        Assert.Empty(journey["communityReferrals"]![0]!["allowedStatuses"]!.AsArray());
        Assert.Equal("Walk with others twice a week", journey["plan"]!["goals"]![0]!.GetValue<string>());
        Assert.Equal(dueOn, journey["followUps"]![0]!["dueOn"]!.GetValue<string>());
        Assert.Equal("Walked twice this week.", journey["followUps"]![0]!["notes"]!.GetValue<string>());
        Assert.NotNull(journey["followUps"]![0]!["completedAt"]);
        Assert.Equal("Goals met", journey["closure"]!["reason"]!.GetValue<string>());
        Assert.NotNull(journey["firstContact"]!["madeAt"]);
    }

    [Fact]
    public async Task Discharging_cancels_open_community_referrals_in_the_same_command()
    {
        var id = await Api.EngagedJourneyAsync(Http);
        var made = await Api.CommandOkAsync(Http, id, "make-community-referral", new { program = new { name = "Community kitchen" } });
        var referralId = made["events"]![0]!["data"]!["communityReferralId"]!.GetValue<string>();
        await Api.CommandOkAsync(Http, id, "update-community-referral", new { communityReferralId = referralId, status = "accepted" });

        var discharged = await Api.CommandOkAsync(Http, id, "discharge", new { reason = "Moved out of province" });

        Assert.Equal(["CommunityReferralStatusChanged", "Discharged"], discharged["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("cancelled", discharged["events"]![0]!["data"]!["to"]!.GetValue<string>());
        var journey = await Api.GetJourneyAsync(Http, id);
        Assert.Equal("cancelled", journey["communityReferrals"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reassigning_moves_the_journey_to_the_new_link_workers_caseload()
    {
        var before = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var after = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "accept", new { linkWorkerId = before });

        await Api.CommandOkAsync(Http, id, "reassign", new { linkWorkerId = after });

        Assert.Equal(after, (await Api.GetJourneyAsync(Http, id))["linkWorkerId"]!.GetValue<string>());
        var oldCaseload = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={before}", TestContext.Current.CancellationToken));
        var newCaseload = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={after}", TestContext.Current.CancellationToken));
        Assert.Equal(0, oldCaseload["total"]!.GetValue<int>());
        Assert.Equal(id, Assert.Single(newCaseload["items"]!.AsArray())!["journeyId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_journey()
    {
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants/ab/referrals") { Content = JsonContent.Create(Api.Referral()) };
        first.Headers.Add("Idempotency-Key", "referral-" + Guid.NewGuid());
        var key = first.Headers.GetValues("Idempotency-Key").Single();
        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants/ab/referrals") { Content = JsonContent.Create(Api.Referral()) };
        second.Headers.Add("Idempotency-Key", key);

        var a = await Http.SendAsync(first, TestContext.Current.CancellationToken);
        var b = await Http.SendAsync(second, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(a.Headers.Location, b.Headers.Location);
        Assert.Equal("true", b.Headers.GetValues("Idempotent-Replayed").Single());
        var id = (await Api.ReadAsync(b))["journeyId"]!.GetValue<Guid>();
        Assert.Equal(1, (await Api.GetJourneyAsync(Http, id))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_repeated_command_with_the_same_key_appends_once()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var a = await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-42" }, "accept-1");
        var b = await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-42" }, "accept-1");

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal((await Api.ReadAsync(a))["events"]!.ToJsonString(), (await Api.ReadAsync(b))["events"]!.ToJsonString());
        Assert.Equal(2, (await Api.GetJourneyAsync(Http, id))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_caseload_lists_a_link_workers_journeys_by_status()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var engaged = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, engaged, "accept", new { linkWorkerId = worker });
        await Api.CommandOkAsync(Http, engaged, "record-contact", new { mode = "video" });
        fixture.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        var accepted = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, accepted, "accept", new { linkWorkerId = worker });

        var all = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}", TestContext.Current.CancellationToken));
        var onlyEngaged = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}&status=engaged", TestContext.Current.CancellationToken));
        var paged = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}&page=2&pageSize=1", TestContext.Current.CancellationToken));

        Assert.Equal(2, all["total"]!.GetValue<int>());
        Assert.Equal(accepted, all["items"]![0]!["journeyId"]!.GetValue<Guid>());
        Assert.Equal(engaged, Assert.Single(onlyEngaged["items"]!.AsArray())!["journeyId"]!.GetValue<Guid>());
        Assert.Equal(engaged, Assert.Single(paged["items"]!.AsArray())!["journeyId"]!.GetValue<Guid>());
        Assert.Equal("Marie Tremblay", all["items"]![0]!["clientName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_caseload_pages_after_a_position_to_its_end_in_the_order_of_numbered_pages()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++)
        {
            var id = await Api.CreateJourneyAsync(Http);
            await Api.CommandOkAsync(Http, id, "accept", new { linkWorkerId = worker });
            if (i % 2 == 0)
            {
                fixture.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var numbered = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}&pageSize=100", TestContext.Current.CancellationToken));
        var walked = new List<Guid>();
        var first = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}&pageSize=2", TestContext.Current.CancellationToken));
        var page = first;
        while (true)
        {
            walked.AddRange(page["items"]!.AsArray().Select(i => i!["journeyId"]!.GetValue<Guid>()));
            Assert.Equal(5, page["total"]!.GetValue<int>());
            if (page["next"]?.GetValue<string>() is not { } next)
            {
                break;
            }

            page = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?linkWorker={worker}&pageSize=2&after={next}", TestContext.Current.CancellationToken));
        }

        Assert.Equal(numbered["items"]!.AsArray().Select(i => i!["journeyId"]!.GetValue<Guid>()), walked);
        Assert.Null(numbered["next"]?.GetValue<string>());

        var bad = await Http.GetAsync($"{Api.Journeys()}?after=not-a-position", TestContext.Current.CancellationToken);
        var both = await Http.GetAsync($"{Api.Journeys()}?page=2&after={first["next"]!.GetValue<string>()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await Api.ReadAsync(bad))["errors"]!["after"]);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.NotNull((await Api.ReadAsync(both))["errors"]!["page"]);
    }

    [Fact]
    public async Task The_caseload_of_one_tenant_never_shows_another_tenants_journeys()
    {
        var id = await Api.CreateJourneyAsync(Http, "on");

        var alberta = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys("ab")}?pageSize=100", TestContext.Current.CancellationToken));

        Assert.DoesNotContain(alberta["items"]!.AsArray(), i => i!["journeyId"]!.GetValue<Guid>() == id);
    }

    [Theory]
    [InlineData("referral-acknowledgement", "fr", "lang=\"fr-CA\"")]
    [InlineData("referral-acknowledgement", "en", "lang=\"en-CA\"")]
    [InlineData("plan-summary", "en", "Walk with others twice a week")]
    [InlineData("plan-summary", "fr", "Walk with others twice a week")]
    public async Task Documents_render_as_html_in_each_language(string template, string lang, string expected)
    {
        var id = await Api.EngagedJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "record-what-matters", new { items = new[] { "Getting out of the house" } });
        await Api.CommandOkAsync(Http, id, "agree-plan", new { goals = new[] { "Walk with others twice a week" } });

        var response = await Http.GetAsync($"{Api.Journeys()}/{id}/documents/{template}?lang={lang}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_defaults_to_the_clients_preferred_language()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var html = await Http.GetStringAsync($"{Api.Journeys()}/{id}/documents/referral-acknowledgement", TestContext.Current.CancellationToken);

        Assert.Contains("lang=\"fr-CA\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_command()
    {
        var document = JsonNode.Parse(await Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/tenants/{tenant}/referrals", paths);
        Assert.Contains("/api/v1/tenants/{tenant}/journeys", paths);
        foreach (var command in new[] { "accept", "reassign", "decline", "record-contact-attempt", "close-unable-to-contact", "record-contact", "record-what-matters", "agree-plan", "make-community-referral", "update-community-referral", "schedule-follow-up", "complete-follow-up", "cancel-transport", "acknowledge-safety-alert", "discharge", "record-consent", "withdraw-consent", "withhold-information", "release-withheld-information" })
        {
            Assert.Contains($"/api/v1/tenants/{{tenant}}/journeys/{{journeyId}}/{command}", paths);
        }
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var live = await Http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await Api.ReadAsync(await Http.GetAsync("/health/ready", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["cluster"]!["status"]!.GetValue<string>());
    }
}
