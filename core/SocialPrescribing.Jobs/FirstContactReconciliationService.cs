using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Reconciles once the host has started, and registers the periodic reconciliations that remain. Reactions to
/// committed events come from the event feed, so a host killed after a commit still reacts; what is left to
/// reconcile is work a restart can lose (jobs kept only in memory, at start-up) and answers from outside that can
/// be lost: trip bookings with partners, and safety alert notifications through their channels.
/// </summary>
internal sealed class FirstContactReconciliationService(
    FirstContactReconciliationJob reconciliation,
    SafetyAlertReconciliationJob safetyAlerts,
    TransportReconciliationJob transport,
    IRecurringJobManager recurring,
    IOptions<JobsOptions> options,
    IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Wait for the whole host (the silo included) to be up, so a due check can run straight away.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(started.SetResult))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task;
        }

        // First-contact checks are scheduled from the feed; stored schedules survive restarts, so no periodic sweep.
        recurring.RemoveIfExists(FirstContactReconciliationJob.RecurringJobId);
        recurring.AddOrUpdate<SafetyAlertReconciliationJob>(
            SafetyAlertReconciliationJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.ReconciliationCron);
        recurring.AddOrUpdate<TransportReconciliationJob>(
            TransportReconciliationJob.RecurringJobId,
            job => job.RunAsync(false, CancellationToken.None),
            options.Value.ReconciliationCron);
        if (!options.Value.PersistentJobStorage)
        {
            // Jobs kept in memory died with the last process: schedule again what the journeys say is pending.
            await reconciliation.RunAsync(includeFuture: true, stoppingToken);
        }

        await transport.RunAsync(includeFresh: !options.Value.PersistentJobStorage, stoppingToken);
        await safetyAlerts.RunAsync(stoppingToken);
    }
}
