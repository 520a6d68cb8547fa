using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>One client journey. Key: the journey id, with the tenant id as key extension.</summary>
[Alias("sp.IJourneyGrain")]
public interface IJourneyGrain : IGrainWithGuidCompoundKey
{
    /// <summary>
    /// Validates the command against the state machine and durably appends its events before
    /// returning. A command id seen before returns the first result and appends nothing.
    /// </summary>
    [Alias("Execute")]
    Task<CommandOutcome> Execute(JourneyCommand command);

    /// <summary>
    /// <see cref="Execute(JourneyCommand)"/> for a caller limited to the journeys <paramref name="scope"/> allows: any
    /// other is a <see cref="RejectionKind.Forbidden"/> rejection, decided in the same call.
    /// </summary>
    [Alias("ExecuteWithin")]
    Task<CommandOutcome> ExecuteWithin(JourneyCommand command, JourneyScopeRule scope);

    /// <summary>The journey's current state, as folded by the grain (<see cref="JourneyState.Empty"/> when it does not exist).</summary>
    [Alias("GetState")]
    Task<JourneyState> GetState();

    /// <summary>
    /// The journey with its timeline and allowed commands; with <paramref name="asOf"/>, as it was at that moment:
    /// folded from the events that had occurred by then, with no allowed commands (the past cannot be acted on).
    /// </summary>
    [Alias("GetView")]
    Task<JourneyView> GetView(DateTimeOffset? asOf);

    /// <summary>
    /// <see cref="GetView(DateTimeOffset?)"/> with only the part of the timeline <paramref name="window"/> picks: a long
    /// journey's view stays small, and the rest of its timeline is read a window at a time.
    /// </summary>
    [Alias("GetViewWindow")]
    Task<JourneyView> GetView(DateTimeOffset? asOf, TimelineWindow window);
}
