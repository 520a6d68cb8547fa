using SocialPrescribing.Application.Access;
using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Application.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Runs at a journey's first-contact deadline. The command id is fixed per journey, so however often
/// Hangfire runs it (at-least-once), at most one <c>FirstContactOverdue</c> is appended.
/// </summary>
public sealed class FirstContactCheckJob(JourneyUseCases journeys)
{
    public const string Actor = "system:first-contact-check";

    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(string tenant, Guid journeyId)
    {
        var tenantId = TenantId.Parse(tenant);
        await journeys.SendAsync(Caller.System(tenantId), journeyId, new CheckFirstContact
        {
            CommandId = JourneyIds.FirstContactCheck(tenantId, journeyId),
            Actor = Actor,
        });
    }
}
