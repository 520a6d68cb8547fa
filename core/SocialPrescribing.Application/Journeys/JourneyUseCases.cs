using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Access;
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
    /// <summary>
    /// Decides the command on the journey and commits its events before returning. A journey that exists must be in
    /// the caller's scope (<see cref="JourneyScope"/>), checked by the grain in the same call (a
    /// <see cref="RejectionKind.Forbidden"/> rejection otherwise); one that does not is the domain's to answer.
    /// </summary>
    public async Task<CommandOutcome> SendAsync(Caller caller, Guid journeyId, JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(command);
        var journey = Journey(caller.Tenant, journeyId);
        var scope = JourneyScope.RuleFor(caller);
        return scope.Every ? await journey.Execute(command) : await journey.ExecuteWithin(command, scope);
    }

    /// <summary>
    /// The journey with its timeline and allowed commands, or null when it does not exist (or, with
    /// <paramref name="asOf"/>, did not yet exist at that moment).
    /// </summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public async Task<JourneyView?> FindAsync(Caller caller, Guid journeyId, DateTimeOffset? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var journey = Journey(caller.Tenant, journeyId);
        // The scope is decided on the journey as it is now: the current view carries that state already; a view of
        // the past needs the current state as well.
        var current = asOf is null ? (await journey.GetView(null)) : null;
        if (await FindStateAsync(caller, journeyId, current?.State) is null)
        {
            return null;
        }

        var view = current ?? await journey.GetView(asOf);
        return view.State.Exists ? view : null;
    }

    /// <summary>The journey's current state, or null when it does not exist.</summary>
    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public Task<JourneyState?> FindStateAsync(Caller caller, Guid journeyId) => FindStateAsync(caller, journeyId, null);

    private async Task<JourneyState?> FindStateAsync(Caller caller, Guid journeyId, JourneyState? known)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var state = known ?? await Journey(caller.Tenant, journeyId).GetState();
        if (!state.Exists)
        {
            return null;
        }

        JourneyScope.Demand(caller, state);
        return state;
    }

    private IJourneyGrain Journey(TenantId tenant, Guid journeyId) => grains.GetGrain<IJourneyGrain>(journeyId, tenant.Value);
}
