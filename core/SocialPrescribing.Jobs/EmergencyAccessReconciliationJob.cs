using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Dispatches again the privacy officers' notice of every emergency access opened within the reconciliation window
/// (<see cref="JobsOptions.EmergencyAccessReconciliationWindow"/>) and not yet reported: one whose job was lost with a
/// crashed host or with in-memory job storage, or whose delivery gave up. The journeys are found from the caseload's
/// index of their latest unreported access; each is read to find which of its accesses are unreported. The notice job
/// does nothing for an access already reported, so a notice is sent once however often this runs.
/// </summary>
public sealed partial class EmergencyAccessReconciliationJob(
    CaseloadQueries caseloads,
    JourneyUseCases journeys,
    ITenantDirectory tenants,
    IEmergencyAccessDispatcher dispatcher,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<EmergencyAccessReconciliationJob> logger)
{
    public const string RecurringJobId = "emergency-access-reconciliation";

    /// <summary>Journeys read from the index at a time.</summary>
    public const int PageSize = 200;

    /// <summary>Dispatches the notices of the window's unreported emergency accesses and returns of how many journeys.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - options.Value.EmergencyAccessReconciliationWindow;
        var start = new UnnotifiedEmergencyAccess(Guid.Empty, since);
        return DueWork.EveryTenantAsync(
            tenants,
            tenant => DueWork.SweepAsync<UnnotifiedEmergencyAccess, Guid>(
                after => caseloads.UnnotifiedEmergencyAccessAsync(tenant.Id, after ?? start, PageSize, cancellationToken),
                PageSize,
                row => [row.JourneyId],
                async journeyId =>
                {
                    var state = await journeys.FindStateAsync(Caller.System(tenant.Id), journeyId, RecordAccess.Processing);
                    foreach (var grant in state?.EmergencyAccessUnnotified.Where(g => g.OpenedAt >= since) ?? [])
                    {
                        dispatcher.Dispatch(tenant.Id, journeyId, grant.Id);
                    }
                },
                (ex, journeyId) => LogFailed(ex, tenant.Id.Value, journeyId),
                cancellationToken),
            LogReconciled);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: the emergency-access notices of {Journeys} journeys dispatched by reconciliation, {Failed} failed (tried again at the next run)")]
    private partial void LogReconciled(string tenant, int journeys, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: the emergency-access notices of journey {JourneyId} could not be dispatched; the next run tries again")]
    private partial void LogFailed(Exception exception, string tenant, Guid journeyId);
}
