using Microsoft.Extensions.Logging;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Runs the first-contact check of every journey whose deadline has passed without a first contact, found from the
/// caseload's index of journeys still waiting for one, in deadline order. It runs every minute (<see
/// cref="JobsOptions.FirstContactSweepCron"/>) and once at start-up, so nothing is stored per journey: a restart,
/// a lost job or in-memory job storage loses nothing, since the journeys hold the deadlines. A journey the check
/// marks overdue, or one contacted meanwhile, leaves the index; one whose check fails stays in it for the next sweep.
/// </summary>
public sealed partial class FirstContactSweepJob(
    CaseloadQueries caseloads,
    ITenantDirectory tenants,
    FirstContactCheckJob check,
    TimeProvider time,
    ILogger<FirstContactSweepJob> logger)
{
    public const string RecurringJobId = "first-contact-sweep";

    /// <summary>Journeys read from the index at a time.</summary>
    public const int PageSize = 200;

    /// <summary>Checks every journey due by now and returns how many were checked (a check that failed is not counted).</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // A check that fails is left due: the next sweep tries it again. The journey's id is no personal information.
        return DueWork.EveryTenantAsync(
            tenants,
            tenant => DueWork.SweepAsync<PendingFirstContactCheck, PendingFirstContactCheck>(
                after => caseloads.DueFirstContactChecksAsync(tenant.Id, now, after, PageSize, cancellationToken),
                PageSize,
                pending => [pending],
                pending => check.RunAsync(tenant.Id.Value, pending.JourneyId),
                (ex, pending) => LogCheckFailed(ex, tenant.Id.Value, pending.JourneyId),
                cancellationToken),
            LogSwept);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Checked} first-contact checks past their deadline run, {Failed} failed (tried again at the next sweep)")]
    private partial void LogSwept(string tenant, int @checked, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: the first-contact check of journey {JourneyId} failed; the next sweep tries it again")]
    private partial void LogCheckFailed(Exception exception, string tenant, Guid journeyId);
}
