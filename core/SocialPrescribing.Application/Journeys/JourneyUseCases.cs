using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// The journey use cases: send a pathway command, read a journey now or as it was at a moment, read its state.
/// Every door (HTTP, jobs, later the console and FHIR) comes through here, so access checks and the audit log
/// have one place to live.
/// </summary>
public sealed class JourneyUseCases(IGrainFactory grains)
{
    /// <summary>Decides the command on the journey and commits its events before returning.</summary>
    public Task<CommandOutcome> SendAsync(TenantId tenant, Guid journeyId, JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Journey(tenant, journeyId).Execute(command);
    }

    /// <summary>
    /// The journey with its timeline and allowed commands, or null when it does not exist (or, with
    /// <paramref name="asOf"/>, did not yet exist at that moment).
    /// </summary>
    public async Task<JourneyView?> FindAsync(TenantId tenant, Guid journeyId, DateTimeOffset? asOf = null)
    {
        var view = await Journey(tenant, journeyId).GetView(asOf);
        return view.State.Exists ? view : null;
    }

    /// <summary>The journey's current state, or null when it does not exist.</summary>
    public async Task<JourneyState?> FindStateAsync(TenantId tenant, Guid journeyId)
    {
        var state = await Journey(tenant, journeyId).GetState();
        return state.Exists ? state : null;
    }

    private IJourneyGrain Journey(TenantId tenant, Guid journeyId) => grains.GetGrain<IJourneyGrain>(journeyId, tenant.Value);
}
