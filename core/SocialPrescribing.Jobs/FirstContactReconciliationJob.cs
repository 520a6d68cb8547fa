using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Makes Hangfire's schedule agree with the journeys: every journey whose first-contact deadline is
/// still running gets its check scheduled (again). Runs at start-up, because embedded job storage
/// forgets on restart, and periodically, in case a schedule call failed after a commit.
/// </summary>
public sealed partial class FirstContactReconciliationJob(
    IJourneyStore store,
    ITenantDirectory tenants,
    IFirstContactScheduler scheduler,
    ILogger<FirstContactReconciliationJob> logger)
{
    public const string RecurringJobId = "first-contact-reconciliation";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var scheduled = 0;
        foreach (var tenant in tenants.All)
        {
            var pending = await store.ListPendingFirstContactChecksAsync(tenant.Id, cancellationToken);
            foreach (var check in pending)
            {
                scheduler.Schedule(tenant.Id, check.JourneyId, check.DueAt);
            }

            scheduled += pending.Count;
            LogReconciled(tenant.Id.Value, pending.Count);
        }

        return scheduled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Count} first-contact checks scheduled by reconciliation")]
    private partial void LogReconciled(string tenant, int count);
}
