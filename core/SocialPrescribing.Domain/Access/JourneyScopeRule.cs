using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Access;

/// <summary>
/// Which existing journeys a caller may act on, as the journey grain checks it in the same call as the command:
/// every journey; the unassigned ones and those assigned to <see cref="AssignedTo"/>; or none (a caller who may only
/// open new journeys, by referral). A journey that does not exist yet is always in scope. A link worker also reaches,
/// while it lasts, a journey they opened in an emergency (<see cref="EmergencyAccessGrant"/>).
/// </summary>
[GenerateSerializer, Immutable]
[Alias("sp.JourneyScopeRule")]
public sealed record JourneyScopeRule(
    [property: Id(0)] bool Every,
    [property: Id(1)] bool Unassigned,
    [property: Id(2)] string? AssignedTo)
{
    /// <summary>What a caller is told of a journey outside their scope.</summary>
    public const string OutOfScope =
        "This journey is assigned to another link worker; a supervisor can reassign it. In an emergency, open it with open-emergency-access and a reason.";

    public static readonly JourneyScopeRule All = new(true, true, null);

    public static readonly JourneyScopeRule NewOnly = new(false, false, null);

    public static JourneyScopeRule LinkWorker(string id) => new(false, true, id);

    /// <summary>Whether the journey is in scope at <paramref name="now"/>: ordinarily, or by an emergency access in force.</summary>
    public bool Allows(JourneyState state, DateTimeOffset now) => Reaches(state) || EmergencyAccessAt(state, now) is not null;

    /// <summary>The emergency access in force at <paramref name="now"/> that the rule's link worker holds on the journey, or null.</summary>
    public EmergencyAccessGrant? EmergencyAccessAt(JourneyState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return AssignedTo is null ? null : state.EmergencyAccessOf(AssignedTo, now);
    }

    /// <summary>Whether the journey is in the ordinary scope, without any emergency access.</summary>
    public bool Reaches(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Every
            || !state.Exists
            || (Unassigned && state.LinkWorkerId is null)
            || (AssignedTo is not null && string.Equals(state.LinkWorkerId, AssignedTo, StringComparison.Ordinal));
    }
}
