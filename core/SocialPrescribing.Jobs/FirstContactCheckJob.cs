using SocialPrescribing.Application.Access;
using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Application.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// A journey's first-contact check, run by <see cref="FirstContactSweepJob"/> once its deadline has passed. The command
/// id is fixed per journey, so however often it runs (at-least-once), at most one <c>FirstContactOverdue</c> is
/// appended. Hangfire may still hold such jobs scheduled one per journey by earlier versions: they run as before.
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
