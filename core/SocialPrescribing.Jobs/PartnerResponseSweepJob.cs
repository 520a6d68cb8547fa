using Microsoft.Extensions.Logging;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Runs the provider-answer check of every community referral whose provider has been silent past the tenant's
/// deadline (<c>PartnerResponseBusinessDays</c> business days in the tenant's calendar), found from the caseload's
/// index of journeys with a referral awaiting an answer, oldest first. It runs every few minutes (<see
/// cref="JobsOptions.PartnerResponseSweepCron"/>) and once at start-up, so nothing is stored per referral: the journeys
/// hold the referrals and when they were made, and the tenant's current calendar decides when each is due. A referral
/// the check finds overdue (a follow-up for the link worker) or one answered meanwhile leaves the index; one whose
/// check fails stays for the next sweep.
/// </summary>
public sealed partial class PartnerResponseSweepJob(
    CaseloadQueries caseloads,
    ITenantDirectory tenants,
    PartnerResponseCheckJob check,
    TimeProvider time,
    ILogger<PartnerResponseSweepJob> logger)
{
    public const string RecurringJobId = "partner-response-sweep";

    /// <summary>Journeys read from the index at a time.</summary>
    public const int PageSize = 200;

    /// <summary>Checks every referral due by now and returns how many were checked (a check that failed is not counted).</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return DueWork.EveryTenantAsync(
            tenants,
            tenant => DueWork.SweepAsync<AwaitedPartnerAnswer, (Guid Journey, Guid Referral)>(
                // N business days are at least N calendar days, less the hour a change of clocks can take: a journey whose
                // oldest waiting referral was made later has none due. Those read but not due yet wait for a later sweep.
                after => caseloads.AwaitedPartnerAnswersAsync(tenant.Id, now - TimeSpan.FromDays(tenant.PartnerResponseBusinessDays) + TimeSpan.FromHours(1), after, PageSize, cancellationToken),
                PageSize,
                awaited => DueReferrals(awaited, tenant, now),
                due => check.RunAsync(tenant.Id.Value, due.Journey, due.Referral),
                (ex, due) => LogCheckFailed(ex, tenant.Id.Value, due.Journey),
                cancellationToken),
            LogSwept);
    }

    /// <summary>The journey's referrals awaiting their provider's answer whose deadline has passed by <paramref name="now"/>.</summary>
    private static IEnumerable<(Guid Journey, Guid Referral)> DueReferrals(AwaitedPartnerAnswer awaited, TenantSettings tenant, DateTimeOffset now) =>
        CommunityReferralDigest.Read(awaited.Referrals)
            .Where(r => r is { OrganizationId: not null, Status: CommunityReferralStatus.Requested, AnsweredAt: null, ResponseOverdue: false }
                && now >= JourneyDecider.PartnerAnswerDueAt(r.MadeAt, tenant))
            .Select(r => (awaited.JourneyId, r.Id));

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Checked} provider-answer checks past their deadline run, {Failed} failed (tried again at the next sweep)")]
    private partial void LogSwept(string tenant, int @checked, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: a provider-answer check of journey {JourneyId} failed; the next sweep tries it again")]
    private partial void LogCheckFailed(Exception exception, string tenant, Guid journeyId);
}
