using System.Diagnostics;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Host.Tests;

/// <summary>The first-contact timer through the real Hangfire server in the host.</summary>
[Collection(HostCollection.Name)]
public sealed class FirstContactJobTests
{
    private static async Task<(string JobId, DateTime EnqueueAt)> ScheduledCheckAsync(JourneyHostFactory factory, Guid journeyId)
    {
        var monitor = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            var match = monitor.ScheduledJobs(0, 1000).FirstOrDefault(j => j.Value.Job.Args.Count == 2 && Equals(j.Value.Job.Args[1], journeyId));
            // A job caught while Hangfire is still writing its scheduled state has no enqueue time yet: look again.
            if (match.Key is not null && match.Value.EnqueueAt != default)
            {
                return (match.Key, match.Value.EnqueueAt);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No first-contact check was scheduled for {journeyId}.");
    }

    internal static async Task WaitForStateAsync(JourneyHostFactory factory, string jobId, string state)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var waited = Stopwatch.StartNew();
        while (connection.GetStateData(jobId)?.Name != state)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"job {jobId} is {connection.GetStateData(jobId)?.Name}, not {state}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Hangfire runs on the system clock and the host on its own (a test clock here): a check is scheduled to run after
    /// the time the host's clock leaves to the deadline.
    /// </summary>
    private static void AssertScheduledFor(JourneyHostFactory factory, DateTimeOffset dueAt, DateTime enqueueAt)
    {
        var left = dueAt - factory.Time.GetUtcNow();
        Assert.True(left > TimeSpan.Zero, $"the deadline {dueAt:O} is not ahead of the host's clock");
        Assert.InRange(enqueueAt - DateTime.UtcNow, left - TimeSpan.FromSeconds(30), left + TimeSpan.FromSeconds(1));
    }

    private static string[] EventTypes(JsonObject journey) => [.. journey["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    [Fact]
    public async Task An_accepted_referral_without_contact_is_marked_overdue_when_its_check_runs()
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();
        var id = await Api.CreateJourneyAsync(http);
        var accepted = await Api.CommandOkAsync(http, id, "accept", new { linkWorkerId = "lw-7" });
        var dueAt = accepted["events"]![0]!["data"]!["firstContactDueAt"]!.GetValue<DateTimeOffset>();

        var (jobId, enqueueAt) = await ScheduledCheckAsync(factory, id);
        AssertScheduledFor(factory, dueAt, enqueueAt);
        factory.Time.Advance(dueAt - factory.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        await WaitForStateAsync(factory, jobId, "Succeeded");
        // At-least-once: running the same check again changes nothing.
        factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        await WaitForStateAsync(factory, jobId, "Succeeded");

        var journey = await Api.GetJourneyAsync(http, id);
        Assert.Single(EventTypes(journey), t => t == "FirstContactOverdue");
        Assert.True(journey["firstContact"]!["overdue"]!.GetValue<bool>());
        var caseload = await Api.ReadAsync(await http.GetAsync($"{Api.Journeys()}?linkWorker=lw-7", TestContext.Current.CancellationToken));
        Assert.True(caseload["items"]![0]!["firstContactOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_journey_contacted_in_time_is_not_marked_overdue()
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();
        var id = await Api.CreateJourneyAsync(http);
        await Api.CommandOkAsync(http, id, "accept", new { linkWorkerId = "lw-8" });
        await Api.CommandOkAsync(http, id, "record-contact", new { mode = "in-person" });

        var (jobId, _) = await ScheduledCheckAsync(factory, id);
        factory.Time.Advance(TimeSpan.FromDays(10));
        factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId);
        await WaitForStateAsync(factory, jobId, "Succeeded");

        Assert.DoesNotContain("FirstContactOverdue", EventTypes(await Api.GetJourneyAsync(http, id)));
    }

    [Fact]
    public async Task Checks_forgotten_by_a_restart_are_scheduled_again_from_the_journeys()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sp-restart-" + Guid.NewGuid().ToString("N"));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        Guid pending, contacted;
        await using (var first = new JourneyHostFactory(dataDirectory, time))
        {
            using var http = first.CreateAuthenticatedClient();
            pending = await Api.CreateJourneyAsync(http);
            await Api.CommandOkAsync(http, pending, "accept", new { linkWorkerId = "lw-9" });
            contacted = await Api.CreateJourneyAsync(http);
            await Api.CommandOkAsync(http, contacted, "accept", new { linkWorkerId = "lw-9" });
            await Api.CommandOkAsync(http, contacted, "record-contact", new { mode = "phone" });

            // The reactions have run (their checkpoint reached the feed's head); only the jobs they made are lost.
            var feed = first.Services.GetRequiredService<SocialPrescribing.Storage.IEventFeed>();
            var head = await feed.HeadAsync(TestContext.Current.CancellationToken);
            await Api.EventuallyAsync(
                async () => await feed.CheckpointAsync(SocialPrescribing.Storage.FeedConsumers.Reactions, TestContext.Current.CancellationToken) >= head,
                "the reactions catch up with the feed");
        }

        // The second host stops before its folder goes: a host still running when its files are deleted cannot write
        // what it has queued (its audit entries), and retries until its stop gives up.
        await using (var second = new JourneyHostFactory(dataDirectory, time))
        {
            using var client = second.CreateAuthenticatedClient();

            var (_, enqueueAt) = await ScheduledCheckAsync(second, pending);
            var monitor = second.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            Assert.DoesNotContain(monitor.ScheduledJobs(0, 1000), j => Equals(j.Value.Job.Args[1], contacted));
            var journey = await Api.GetJourneyAsync(client, pending);
            AssertScheduledFor(second, journey["firstContact"]!["dueAt"]!.GetValue<DateTimeOffset>(), enqueueAt);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolders.Delete(dataDirectory);
    }
}
