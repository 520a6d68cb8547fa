using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Jobs;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Break-glass end to end, on the real host with its Hangfire server and accounts: a link worker outside a journey's
/// scope opens it on a reason, for the configured time; every access under it is audited with the reason; the
/// tenant's privacy officers are notified through every channel; once the time is up the journey is closed to them
/// again.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EmergencyAccessTests(HostFixture fixture)
{
    private const string Reason = "Person phoned the crisis line; their link worker is away today.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string NewSubject(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string Journey(Guid id) => $"{Api.Journeys()}/{id}";

    private static async Task<List<JsonObject>> AuditAsync(JourneyHostFactory factory, string query)
    {
        using var response = await factory.SendAsAsync(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/audit?{query}&pageSize=1000", "privacy-reader", [AccessRoles.PrivacyOfficer]);
        return [.. (await Api.ReadAsync(response))["items"]!.AsArray().Select(i => i!.AsObject())];
    }

    [Fact]
    public async Task A_link_worker_opens_a_journey_outside_their_scope_on_a_reason_for_a_while_and_the_privacy_officers_are_told()
    {
        var channel = new CapturingChannel();
        await using var factory = new JourneyHostFactory(
            settings: new Dictionary<string, string> { ["Access:EmergencyAccess:Duration"] = "00:30:00" },
            services: s => s.AddSingleton<INotificationChannel>(channel));
        using var client = factory.CreateAuthenticatedClient();
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            Assert.True((await users.AddAsync(TenantId.Parse(Api.Tenant), "po-emergency", "Pat Okafor", [AccessRoles.PrivacyOfficer], null, Token)).Succeeded);
        }

        var journey = await Api.CreateJourneyAsync(client);
        await Api.CommandOkAsync(client, journey, "accept", new { linkWorkerId = "lw-away" });
        const string Covering = "lw-covering";
        string[] linkWorker = [AccessRoles.LinkWorker];

        // Outside their scope, a read is refused, and the refusal says how to open the journey in an emergency.
        using (var refused = await factory.SendAsAsync(HttpMethod.Get, Journey(journey), Covering, linkWorker))
        {
            Assert.Contains("open-emergency-access", (await Api.ProblemAsync(refused, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        // A reason of a word or none is a 400 naming the field; nothing is opened.
        using (var tooShort = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/open-emergency-access", Covering, linkWorker, new { reason = "urgent" }))
        {
            Assert.Equal(["reason"], Api.Fields(await Api.ProblemAsync(tooShort, HttpStatusCode.BadRequest)));
        }

        using (var none = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/open-emergency-access", Covering, linkWorker, new { }))
        {
            Assert.Equal(["reason"], Api.Fields(await Api.ProblemAsync(none, HttpStatusCode.BadRequest)));
        }

        // Opened: the journey records who, why and until when.
        var openedAt = factory.Time.GetUtcNow();
        using (var open = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/open-emergency-access", Covering, linkWorker, new { reason = Reason }))
        {
            var opened = (await Api.ReadAsync(open))["events"]!.AsArray().Single()!;
            Assert.Equal("EmergencyAccessOpened", opened["type"]!.GetValue<string>());
            Assert.Equal(Covering, opened["actor"]!.GetValue<string>());
            Assert.Equal(Reason, opened["data"]!["reason"]!.GetValue<string>());
            Assert.Equal(openedAt.AddMinutes(30), opened["data"]!["expiresAt"]!.GetValue<DateTimeOffset>());
        }

        // While it lasts, the covering link worker reads and acts on the journey like its own.
        using (var read = await factory.SendAsAsync(HttpMethod.Get, Journey(journey), Covering, linkWorker))
        using (var contact = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/record-contact", Covering, linkWorker, new { mode = "phone", purpose = "crisis call" }))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(HttpStatusCode.OK, contact.StatusCode);
        }

        // The privacy officers are told through every channel: who, when, until when; not the reason.
        await Api.EventuallyAsync(() => Task.FromResult(!channel.EmergencyAccesses.IsEmpty), "the privacy officers are notified");
        var notice = Assert.Single(channel.EmergencyAccesses);
        Assert.Equal((journey, Covering, openedAt.AddMinutes(30)), (notice.JourneyId, notice.OpenedBy, notice.ExpiresAt));
        // Every privacy officer of the tenant: the demo one and the one added here.
        Assert.Equal(["ab-privacy", "po-emergency"], notice.Recipients.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.EndsWith($"/journeys/{journey}/access-report", notice.AccessReportPath, StringComparison.Ordinal);

        // The audit log: the refusal without a reason; the opening, the read and the command each with it.
        var entries = await AuditAsync(factory, $"journeyId={journey}&user={Covering}");
        Assert.Equal(
            [
                ("journey", "read", "denied", (string?)null),
                ("journey", "open-emergency-access", "allowed", Reason),
                ("journey", "read", "allowed", Reason),
                ("journey", "record-contact", "allowed", Reason),
            ],
            entries.Select(e => (
                e["category"]!.GetValue<string>(),
                e["action"]!.GetValue<string>(),
                e["outcome"]!.GetValue<string>(),
                e["breakGlassReason"]?.GetValue<string>())));

        // The privacy officer finds every emergency access of the tenant with one filter.
        var emergencies = await AuditAsync(factory, "breakGlass=true");
        Assert.Equal(3, emergencies.Count);
        Assert.All(emergencies, e => Assert.Equal(Reason, e["breakGlassReason"]!.GetValue<string>()));

        // Once the time is up, the journey is outside the scope again.
        factory.Time.Advance(TimeSpan.FromMinutes(30));
        using (var after = await factory.SendAsAsync(HttpMethod.Get, Journey(journey), Covering, linkWorker))
        using (var afterCommand = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/record-contact-attempt", Covering, linkWorker, new { outcome = "no-answer" }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, afterCommand.StatusCode);
        }
    }

    [Fact]
    public async Task A_notice_not_delivered_is_sent_by_the_reconciliation_and_recorded_on_the_journey_once()
    {
        // The test channel the only one (not the host's log), and down.
        var channel = new CapturingChannel { Failing = true };
        await using var factory = new JourneyHostFactory(services: s =>
        {
            s.RemoveAll<INotificationChannel>();
            s.AddSingleton<INotificationChannel>(channel);
        });
        using var client = factory.CreateAuthenticatedClient();
        var journey = await Api.CreateJourneyAsync(client);
        await Api.CommandOkAsync(client, journey, "accept", new { linkWorkerId = "lw-away" });
        using (var open = await factory.SendAsAsync(HttpMethod.Post, $"{Journey(journey)}/open-emergency-access", "lw-covering", [AccessRoles.LinkWorker], new { reason = Reason }))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        // Every channel down: the notice job fails (and waits to be retried, as a job lost with in-memory storage would
        // never be); the journey records no notice, so the caseload's index keeps it as unreported.
        await Task.Delay(TimeSpan.FromSeconds(1), Token);
        Assert.Empty(channel.EmergencyAccesses);
        Assert.DoesNotContain("EmergencyAccessNotified", await EventTypesAsync(client, journey));

        channel.Failing = false;
        var reconciliation = factory.Services.GetRequiredService<EmergencyAccessReconciliationJob>();
        Assert.Equal(1, await reconciliation.RunAsync(Token));
        await Api.EventuallyAsync(async () => (await EventTypesAsync(client, journey)).Contains("EmergencyAccessNotified"), "the journey records the notice");

        var notice = Assert.Single(channel.EmergencyAccesses, n => n.JourneyId == journey);
        Assert.Equal("lw-covering", notice.OpenedBy);
        Assert.Single(await EventTypesAsync(client, journey), t => t == "EmergencyAccessNotified");
        // Reported: the next run finds nothing to send.
        Assert.Equal(0, await reconciliation.RunAsync(Token));
    }

    private static async Task<List<string>> EventTypesAsync(HttpClient client, Guid journey) =>
        [.. (await Api.GetJourneyAsync(client, journey))["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    [Fact]
    public async Task Break_glass_is_for_link_workers_and_supervisors_on_a_journey_they_cannot_otherwise_open()
    {
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        var owner = NewSubject("lw-owner");
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = owner });
        var body = new { reason = Reason };
        var path = $"{Journey(journey)}/open-emergency-access";

        // Their own journey, or any journey for a supervisor: nothing to open.
        using (var own = await fixture.Factory.SendAsAsync(HttpMethod.Post, path, owner, [AccessRoles.LinkWorker], body))
        using (var supervisor = await fixture.Factory.SendAsAsync(HttpMethod.Post, path, NewSubject("sup"), [AccessRoles.Supervisor], body))
        {
            Assert.Contains("already in your scope", (await Api.ProblemAsync(own, HttpStatusCode.Conflict))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Conflict, supervisor.StatusCode);
        }

        // Roles without clinical access are refused at the door; an unknown journey is a 404.
        foreach (var role in new[] { AccessRoles.Referrer, AccessRoles.CommunityPartner, AccessRoles.PrivacyOfficer, AccessRoles.TenantAdmin })
        {
            using var refused = await fixture.Factory.SendAsAsync(HttpMethod.Post, path, NewSubject("other"), [role], body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var unknown = await fixture.Factory.SendAsAsync(HttpMethod.Post, $"{Journey(Guid.CreateVersion7())}/open-emergency-access", NewSubject("lw"), [AccessRoles.LinkWorker], body))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // Nothing was opened by any of these.
        var opened = (await Api.GetJourneyAsync(fixture.Client, journey))["timeline"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "EmergencyAccessOpened");
        Assert.Equal(0, opened);
    }
}
