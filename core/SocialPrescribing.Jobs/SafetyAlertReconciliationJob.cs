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
/// found from the caseload rows, so the sweep reads only the streams of journeys that have one.
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
            await foreach (var (journey, state) in caseloads.WalkAsync(Caller.System(tenant.Id), CaseloadQueries.OpenSafetyAlerts, RecordAccess.Processing, cancellationToken))
            {
                foreach (var alert in state.SafetyAlerts.Where(a => a is { IsOpen: true, NotifiedAt: null }))
                {
                    dispatcher.Dispatch(tenant.Id, journey.JourneyId, alert.Id);
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
