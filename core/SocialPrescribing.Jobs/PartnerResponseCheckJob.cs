using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Runs when a provider's answer to a community referral is due. The command id is fixed per referral, so however
/// often Hangfire runs it (at-least-once), at most one follow-up is planned for the link worker.
/// </summary>
public sealed class PartnerResponseCheckJob(JourneyUseCases journeys)
{
    public const string Actor = "system:partner-response-check";

    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(string tenant, Guid journeyId, Guid communityReferralId)
    {
        var tenantId = TenantId.Parse(tenant);
        await journeys.SendAsync(Caller.System(tenantId), journeyId, new CheckPartnerResponse(communityReferralId)
        {
            CommandId = JourneyIds.PartnerResponseCheck(tenantId, journeyId, communityReferralId),
            Actor = Actor,
        });
    }
}
