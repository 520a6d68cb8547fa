using System.Diagnostics;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Jobs;

namespace SocialPrescribing.Host.Tests;

/// <summary>The first-contact deadline through the real Hangfire server in the host: a sweep of the journeys past it.</summary>
[Collection(HostCollection.Name)]
public sealed class FirstContactJobTests
{
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

    /// <summary>Runs a sweep as Hangfire runs it on its schedule (its recurring job, triggered now) and waits until it has run.</summary>
    internal static async Task SweepThroughHangfireAsync(JourneyHostFactory factory, string recurringJobId = FirstContactSweepJob.RecurringJobId)
    {
        var jobId = factory.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(recurringJobId);
        Assert.NotNull(jobId);
        await WaitForStateAsync(factory, jobId, "Succeeded");
    }

    private static Task<int> SweepAsync(JourneyHostFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FirstContactSweepJob>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>No job is kept for a journey (or a referral): what is due is found from the journeys.</summary>
    internal static void AssertNoJobFor(JourneyHostFactory factory, Guid journeyId)
    {
        var monitor = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.DoesNotContain(monitor.ScheduledJobs(0, 1000), j => j.Value.Job.Args.Any(a => Equals(a, journeyId)));
        Assert.DoesNotContain(monitor.EnqueuedJobs("default", 0, 1000), j => j.Value.Job.Args.Any(a => Equals(a, journeyId)));
    }

    private static string[] EventTypes(JsonObject journey) => [.. journey["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>())];

    [Fact]
    public async Task An_accepted_referral_without_contact_is_marked_overdue_by_the_sweep_after_its_deadline()
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();
        var id = await Api.CreateJourneyAsync(http);
        var accepted = await Api.CommandOkAsync(http, id, "accept", new { linkWorkerId = "lw-7" });
        var dueAt = accepted["events"]![0]!["data"]!["firstContactDueAt"]!.GetValue<DateTimeOffset>();

        // Before the deadline the sweep leaves it alone, and nothing is stored for it in the meantime.
        factory.Time.Advance(dueAt - factory.Time.GetUtcNow() - TimeSpan.FromMinutes(1));
        await SweepThroughHangfireAsync(factory);
        Assert.DoesNotContain("FirstContactOverdue", EventTypes(await Api.GetJourneyAsync(http, id)));
        AssertNoJobFor(factory, id);

        factory.Time.Advance(TimeSpan.FromMinutes(2));
        await SweepThroughHangfireAsync(factory);
        // At-least-once: sweeping again changes nothing (the journey left the index of those waiting).
        await SweepThroughHangfireAsync(factory);
        Assert.Equal(0, await SweepAsync(factory));

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
        var late = await Api.CreateJourneyAsync(http);
        await Api.CommandOkAsync(http, late, "accept", new { linkWorkerId = "lw-8" });
        await Api.CommandOkAsync(http, id, "record-contact", new { mode = "in-person" });

        factory.Time.Advance(TimeSpan.FromDays(10));

        // Hangfire's own minute may come first; either way it is the sweep that checks.
        await SweepAsync(factory);
        Assert.DoesNotContain("FirstContactOverdue", EventTypes(await Api.GetJourneyAsync(http, id)));
        Assert.Contains("FirstContactOverdue", EventTypes(await Api.GetJourneyAsync(http, late)));
    }

    [Fact]
    public async Task A_deadline_that_passed_while_no_host_ran_is_checked_when_the_next_starts()
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
        }

        // Both deadlines pass while the program is down; its jobs were kept in memory, so nothing of them is left.
        time.Advance(TimeSpan.FromDays(10));

        // The second host stops before its folder goes: a host still running when its files are deleted cannot write
        // what it has queued (its audit entries), and retries until its stop gives up.
        await using (var second = new JourneyHostFactory(dataDirectory, time))
        {
            using var client = second.CreateAuthenticatedClient();
            await Api.EventuallyAsync(
                async () => EventTypes(await Api.GetJourneyAsync(client, pending)).Contains("FirstContactOverdue"),
                "the start-up sweep marks the journey past its deadline overdue");
            Assert.DoesNotContain("FirstContactOverdue", EventTypes(await Api.GetJourneyAsync(client, contacted)));
            AssertNoJobFor(second, pending);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolders.Delete(dataDirectory);
    }
}
