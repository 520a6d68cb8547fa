using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Access;

/// <summary>
/// Which existing journeys a caller may act on, as the journey grain checks it in the same call as the command:
/// every journey; the unassigned ones and those assigned to <see cref="AssignedTo"/>; or none (a caller who may only
/// open new journeys, by referral). A journey that does not exist yet is always in scope.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("sp.JourneyScopeRule")]
public sealed record JourneyScopeRule(
    [property: Id(0)] bool Every,
    [property: Id(1)] bool Unassigned,
    [property: Id(2)] string? AssignedTo)
{
    public static readonly JourneyScopeRule All = new(true, true, null);

    public static readonly JourneyScopeRule NewOnly = new(false, false, null);

    public static JourneyScopeRule LinkWorker(string id) => new(false, true, id);

    public bool Allows(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Every
            || !state.Exists
            || (Unassigned && state.LinkWorkerId is null)
            || (AssignedTo is not null && string.Equals(state.LinkWorkerId, AssignedTo, StringComparison.Ordinal));
    }
}
