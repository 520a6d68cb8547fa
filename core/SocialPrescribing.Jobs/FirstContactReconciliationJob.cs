using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Makes Hangfire's schedule agree with the journeys, which hold the deadlines. At start-up with
/// embedded (in-memory) job storage every pending check is scheduled again, since a restart forgot
/// them. Periodically, and at start-up with persistent storage, only checks whose deadline has passed
/// without a verdict are run again: a schedule call that failed after a commit, or a job lost with a
/// crashed host. Running a check twice is harmless, so the sweep never needs to know which it is.
/// </summary>
public sealed partial class FirstContactReconciliationJob(
    CaseloadQueries caseloads,
    ITenantDirectory tenants,
    IFirstContactScheduler scheduler,
    TimeProvider time,
    ILogger<FirstContactReconciliationJob> logger)
{
    public const string RecurringJobId = "first-contact-reconciliation";

    /// <summary>Schedules the pending checks (only those past their deadline unless <paramref name="includeFuture"/>) and returns how many.</summary>
    public async Task<int> RunAsync(bool includeFuture, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var scheduled = 0;
        foreach (var tenant in tenants.All)
        {
            var pending = await caseloads.PendingFirstContactChecksAsync(tenant.Id, cancellationToken);
            var due = includeFuture ? pending : [.. pending.Where(check => check.DueAt <= now)];
            foreach (var check in due)
            {
                scheduler.Schedule(tenant.Id, check.JourneyId, check.DueAt);
            }

            scheduled += due.Count;
            LogReconciled(tenant.Id.Value, due.Count);
        }

        return scheduled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Count} first-contact checks scheduled by reconciliation")]
    private partial void LogReconciled(string tenant, int count);
}
