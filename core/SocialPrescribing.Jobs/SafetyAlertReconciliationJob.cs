using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Dispatches again every open safety alert that has no notification on record: one whose dispatch failed
/// after its commit, or whose job was lost with a crashed host or with in-memory job storage. Open alerts are
/// found from the caseload rows, which hold them: the sweep reads no stream (but those of rows written before the
/// caseload kept its alerts).
/// </summary>
public sealed partial class SafetyAlertReconciliationJob(
    CaseloadQueries caseloads,
    ITenantDirectory tenants,
    ISafetyAlertDispatcher dispatcher,
    ILogger<SafetyAlertReconciliationJob> logger)
{
    public const string RecurringJobId = "safety-alert-reconciliation";

    /// <summary>Dispatches every open, un-notified alert and returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var dispatched = 0;
        foreach (var tenant in tenants.All)
        {
            var count = 0;
            await foreach (var journey in caseloads.AllOpenSafetyAlertsAsync(Caller.System(tenant.Id), RecordAccess.Processing, cancellationToken))
            {
                foreach (var alert in journey.Alerts.Where(a => a.NotifiedAt is null))
                {
                    dispatcher.Dispatch(tenant.Id, journey.Row.JourneyId, alert.Id);
                    count++;
                }
            }

            dispatched += count;
            LogReconciled(tenant.Id.Value, count);
        }

        return dispatched;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Count} safety alert notifications dispatched by reconciliation")]
    private partial void LogReconciled(string tenant, int count);
}
