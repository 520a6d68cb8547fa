using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Registers the periodic jobs that find work from the journeys rather than from a stored job per journey (the
/// first-contact and provider-answer sweeps) and the reconciliations of what an outside party can lose (trip bookings with partners,
/// safety alert and emergency-access notices through their channels), and runs each once the host has started. Reactions to
/// committed events come from the event feed, so a host killed after a commit still reacts.
/// </summary>
internal sealed partial class ReconciliationService(
    FirstContactSweepJob firstContact,
    PartnerResponseSweepJob partnerResponse,
    SafetyAlertReconciliationJob safetyAlerts,
    EmergencyAccessReconciliationJob emergencyAccess,
    TransportReconciliationJob transport,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    /// <summary>The periodic first-contact reconciliation of earlier versions, which the sweep replaces.</summary>
    private const string FormerFirstContactReconciliation = "first-contact-reconciliation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait for the whole host (the silo included) to be up, so a due check can run straight away.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(started.SetResult))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        recurring.RemoveIfExists(FormerFirstContactReconciliation);
        recurring.AddOrUpdate<FirstContactSweepJob>(
            FirstContactSweepJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.FirstContactSweepCron);
        recurring.AddOrUpdate<PartnerResponseSweepJob>(
            PartnerResponseSweepJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.PartnerResponseSweepCron);
        recurring.AddOrUpdate<SafetyAlertReconciliationJob>(
            SafetyAlertReconciliationJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.ReconciliationCron);
        recurring.AddOrUpdate<EmergencyAccessReconciliationJob>(
            EmergencyAccessReconciliationJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.ReconciliationCron);
        recurring.AddOrUpdate<TransportReconciliationJob>(
            TransportReconciliationJob.RecurringJobId,
            job => job.RunAsync(false, CancellationToken.None),
            options.Value.ReconciliationCron);

        // Deadlines that passed while no host ran are checked now rather than at the next minute. A run that fails here
        // (the database not reachable yet) is only logged: the recurring jobs above run the same again, and a host
        // that serves requests is worth more than one that stops over a sweep.
        await RunLoggedAsync("first-contact sweep", () => firstContact.RunAsync(stoppingToken));
        await RunLoggedAsync("provider-answer sweep", () => partnerResponse.RunAsync(stoppingToken));
        await RunLoggedAsync("transport reconciliation", () => transport.RunAsync(includeFresh: !options.Value.PersistentJobStorage, stoppingToken));
        await RunLoggedAsync("safety alert reconciliation", () => safetyAlerts.RunAsync(stoppingToken));
        await RunLoggedAsync("emergency access reconciliation", () => emergencyAccess.RunAsync(stoppingToken));
    }

    private async Task RunLoggedAsync(string what, Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStartRunFailed(ex, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {What} at start-up failed; its recurring job runs it again")]
    private partial void LogStartRunFailed(Exception exception, string what);
}
