using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Reconciles first-contact checks, safety alert notifications and trip bookings once the host has started, and
/// registers the periodic reconciliations.
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

        recurring.AddOrUpdate<FirstContactReconciliationJob>(
            FirstContactReconciliationJob.RecurringJobId,
            job => job.RunAsync(false, CancellationToken.None),
            options.Value.ReconciliationCron);
        recurring.AddOrUpdate<SafetyAlertReconciliationJob>(
            SafetyAlertReconciliationJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            options.Value.ReconciliationCron);
        recurring.AddOrUpdate<TransportReconciliationJob>(
            TransportReconciliationJob.RecurringJobId,
            job => job.RunAsync(false, CancellationToken.None),
            options.Value.ReconciliationCron);
        await reconciliation.RunAsync(includeFuture: !options.Value.PersistentJobStorage, stoppingToken);
        await transport.RunAsync(includeFresh: !options.Value.PersistentJobStorage, stoppingToken);
        await safetyAlerts.RunAsync(stoppingToken);
    }
}
