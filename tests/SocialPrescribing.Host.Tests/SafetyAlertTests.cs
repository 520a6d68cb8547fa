using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Notifications;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// A risky PHQ-9 answer end to end, through the real host: flag → alert event → caseload → notification through
/// the real Hangfire server and every channel → a supervisor's acknowledgement → the journey may close.
/// Hangfire keeps process-wide state, so hosts that run jobs share the host collection and never overlap.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SafetyAlertTests
{
    private const string Supervisor = "sup-ab-1";

    private static readonly int[] RiskyPhq9 = [1, 1, 1, 1, 0, 0, 0, 0, 1];

    private static string[] EventTypes(JsonObject journey) => [.. journey["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    private static async Task<JsonObject> WaitForNotificationAsync(HttpClient http, Guid journeyId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var journey = await Api.GetJourneyAsync(http, journeyId);
            if (EventTypes(journey).Contains("SafetyAlertNotified"))
            {
                return journey;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The safety alert was not notified within 30 s.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonObject> CaseloadRowAsync(HttpClient http, Guid journeyId, string query = "")
    {
        var caseload = await Api.ReadAsync(await Api.GetAsync(http, $"{Api.Journeys()}?pageSize=100{query}"));
        return caseload["items"]!.AsArray().Single(i => i!["journeyId"]!.GetValue<Guid>() == journeyId)!.AsObject();
    }

    private static async Task<JsonArray> OpenAlertsAsync(HttpClient http, string query = "") =>
        (await Api.ReadAsync(await Api.GetAsync(http, $"/api/v1/tenants/{Api.Tenant}/safety-alerts{query}")))["items"]!.AsArray();

    [Fact]
    public async Task A_risky_phq9_answer_cannot_go_unnoticed()
    {
        var channel = new CapturingChannel();
        await using var factory = new JourneyHostFactory(services: s => s.AddSingleton<INotificationChannel>(channel));
        using var http = factory.CreateAuthenticatedClient();
        var id = await Api.EngagedJourneyAsync(http);

        // Total 5 (mild), but item 9 above zero: the flag is raised whatever the total.
        var recorded = await Api.ReadAsync(await Api.PostAsync(http, $"{Api.Journeys()}/{id}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = RiskyPhq9 }));
        Assert.Equal(["self-harm-risk"], recorded["assessment"]!["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        var alert = Assert.Single(recorded["safetyAlerts"]!.AsArray())!;
        var alertId = alert["alertId"]!.GetValue<Guid>();
        Assert.Equal("open", alert["status"]!.GetValue<string>());

        // On the caseload, and in the supervisors' list.
        Assert.Equal(1, (await CaseloadRowAsync(http, id, "&safetyAlert=open"))["openSafetyAlerts"]!.GetValue<int>());
        var open = await OpenAlertsAsync(http);
        Assert.Contains(open, a => a!["alert"]!["alertId"]!.GetValue<Guid>() == alertId && a["journeyId"]!.GetValue<Guid>() == id);

        // Notified through every channel, and the notification is on the journey.
        var journey = await WaitForNotificationAsync(http, id);
        var notified = journey["timeline"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "SafetyAlertNotified")!["data"]!;
        Assert.Equal(["notification-log", "test-capture"], notified["channels"]!.AsArray().Select(c => c!.GetValue<string>()).Order());
        Assert.Equal([Supervisor], notified["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
        var sent = Assert.Single(channel.Sent);
        Assert.Equal((id, alertId, "self-harm-risk", "phq9"), (sent.JourneyId, sent.AlertId, sent.Flag, sent.Instrument));
        Assert.Equal("supervisor.ab@example.org", Assert.Single(sent.Recipients).Email);

        // The journey cannot be closed while the alert is open; only a supervisor may acknowledge it.
        var discharge = await Api.CommandAsync(http, id, "discharge", new { reason = "Goals met." });
        Assert.Equal(HttpStatusCode.Conflict, discharge.StatusCode);
        Assert.Contains("acknowledge-safety-alert", (await Api.ReadAsync(discharge))["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        var byLinkWorker = await Api.CommandAsAsync(http, "lw-42", id, "acknowledge-safety-alert", new { alertId, note = "Seen." });
        Assert.Equal(HttpStatusCode.Forbidden, byLinkWorker.StatusCode);
        var noNote = await Api.CommandAsAsync(http, Supervisor, id, "acknowledge-safety-alert", new { alertId });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);

        var acknowledged = await Api.CommandAsAsync(http, Supervisor, id, "acknowledge-safety-alert", new { alertId, note = "Called her the same day; safety plan agreed with her GP." });
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        journey = await Api.GetJourneyAsync(http, id);
        var closed = Assert.Single(journey["safetyAlerts"]!.AsArray())!;
        Assert.Equal(("acknowledged", Supervisor), (closed["status"]!.GetValue<string>(), closed["acknowledgedBy"]!.GetValue<string>()));
        Assert.Equal(0, (await CaseloadRowAsync(http, id))["openSafetyAlerts"]!.GetValue<int>());
        open = await OpenAlertsAsync(http);
        Assert.DoesNotContain(open, a => a!["journeyId"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.OK, (await Api.CommandAsync(http, id, "discharge", new { reason = "Goals met." })).StatusCode);
        Assert.Single(channel.Sent);
    }

    [Fact]
    public async Task An_alert_whose_notification_failed_is_notified_after_a_restart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sp-safety-" + Guid.NewGuid().ToString("N"));
        var down = new CapturingChannel { Failing = true };
        Guid id;
        try
        {
            // Every channel fails: the job keeps failing and the in-memory job storage forgets it at shutdown.
            await using (var first = new JourneyHostFactory(dataDirectory, services: s =>
            {
                s.AddSingleton<INotificationChannel>(down);
                s.AddSingleton<INotificationChannel>(new CapturingChannel { Failing = true });
                foreach (var log in s.Where(d => d.ImplementationType == typeof(SocialPrescribing.Jobs.NotificationLogChannel)).ToList())
                {
                    s.Remove(log);
                }
            }))
            {
                using var http = first.CreateAuthenticatedClient();
                id = await Api.EngagedJourneyAsync(http);
                var response = await Api.PostAsync(http, $"{Api.Journeys()}/{id}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = RiskyPhq9 });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
                Assert.DoesNotContain("SafetyAlertNotified", EventTypes(await Api.GetJourneyAsync(http, id)));
            }

            // After the restart, reconciliation finds the open, un-notified alert and notifies it.
            var up = new CapturingChannel();
            await using var second = new JourneyHostFactory(dataDirectory, services: s => s.AddSingleton<INotificationChannel>(up));
            using var again = second.CreateAuthenticatedClient();
            await WaitForNotificationAsync(again, id);
            Assert.Equal(id, Assert.Single(up.Sent).JourneyId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolders.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task Open_alerts_are_listed_longest_waiting_first_a_page_of_journeys_at_a_time()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sp-safety-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var factory = new JourneyHostFactory(dataDirectory);
            using var http = factory.CreateAuthenticatedClient();
            var journeys = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                journeys.Add(await Api.EngagedJourneyAsync(http));
            }

            // Alerts raised a minute apart, not in the order the journeys began; the last journey's second alert is the
            // newest of all, yet it stays with its journey on the first page.
            foreach (var (journey, timepoint) in new[] { (journeys[2], "baseline"), (journeys[0], "baseline"), (journeys[1], "baseline"), (journeys[2], "follow-up") })
            {
                factory.Time.Advance(TimeSpan.FromMinutes(1));
                var risky = await Api.PostAsync(http, $"{Api.Journeys()}/{journey}/assessments", new { instrument = "phq9", timepoint, responses = RiskyPhq9 });
                Assert.Equal(HttpStatusCode.Created, risky.StatusCode);
            }

            var first = await Api.ReadAsync(await Api.GetAsync(http, $"/api/v1/tenants/{Api.Tenant}/safety-alerts?pageSize=2"));
            Assert.Equal((1, 2, 3L), (first["page"]!.GetValue<int>(), first["pageSize"]!.GetValue<int>(), first["total"]!.GetValue<long>()));
            Assert.Equal([journeys[2], journeys[2], journeys[0]], first["items"]!.AsArray().Select(a => a!["journeyId"]!.GetValue<Guid>()));
            Assert.All(first["items"]!.AsArray(), a => Assert.Equal(("open", "engaged"), (a!["alert"]!["status"]!.GetValue<string>(), a["journeyStatus"]!.GetValue<string>())));
            var raised = first["items"]!.AsArray().Select(a => a!["alert"]!["raisedAt"]!.GetValue<DateTimeOffset>()).ToList();
            Assert.True(raised[0] < raised[1], "A journey's alerts are listed oldest first.");
            var second = await OpenAlertsAsync(http, "?pageSize=2&page=2");
            Assert.Equal([journeys[1]], second.Select(a => a!["journeyId"]!.GetValue<Guid>()));

            // A row written before the caseload kept its alerts: they are read from the journey's stream, in its place.
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dataDirectory, "journeys.db")}"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE journeys SET safety_alerts = NULL WHERE journey_id = $id";
                command.Parameters.AddWithValue("$id", journeys[0].ToString("D"));
                Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            }

            static (Guid, Guid)[] Alerts(JsonArray items) => [.. items.Select(a => (a!["journeyId"]!.GetValue<Guid>(), a["alert"]!["alertId"]!.GetValue<Guid>()))];
            Assert.Equal(Alerts(first["items"]!.AsArray()), Alerts(await OpenAlertsAsync(http, "?pageSize=2")));

            var refused = await Api.GetAsync(http, $"/api/v1/tenants/{Api.Tenant}/safety-alerts?pageSize=500");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await Api.ReadAsync(refused))["errors"]!["pageSize"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            TempFolders.Delete(dataDirectory);
        }
    }
}
