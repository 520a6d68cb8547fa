using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Access;

/// <summary>
/// Which journeys of their tenant a caller may open and act on, beside what their role allows at the door:
/// supervisors every journey; link workers those assigned to them and the unassigned referrals they triage; the
/// host's own jobs every journey. Another tenant's journeys never get this far (they are not found).
/// </summary>
public static class JourneyScope
{
    /// <summary>The rule for <paramref name="caller"/>, which the journey grain can also apply in the call that acts.</summary>
    public static JourneyScopeRule RuleFor(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsSystem || caller.HasRole(AccessRoles.Supervisor) ? JourneyScopeRule.All
            : caller.HasRole(AccessRoles.LinkWorker) ? JourneyScopeRule.LinkWorker(caller.Id)
            : JourneyScopeRule.NewOnly;
    }

    /// <summary>Whether the journey is in the caller's scope at <paramref name="now"/>, by an emergency access in force or not.</summary>
    public static bool Includes(Caller caller, JourneyState state, DateTimeOffset now) => RuleFor(caller).Allows(state, now);

    /// <summary>
    /// The emergency access the caller reaches the journey by at <paramref name="now"/>, or null when their ordinary
    /// scope reaches it (or nothing does).
    /// </summary>
    public static EmergencyAccessGrant? EmergencyAccessFor(Caller caller, JourneyState state, DateTimeOffset now)
    {
        var rule = RuleFor(caller);
        return rule.Reaches(state) ? null : rule.EmergencyAccessAt(state, now);
    }

    /// <summary>Whether the caller may open an emergency access: a link worker or supervisor whose scope does not reach the journey.</summary>
    public static bool MayOpenEmergencyAccess(Caller caller) =>
        caller.HasRole(AccessRoles.LinkWorker) || caller.HasRole(AccessRoles.Supervisor);

    /// <exception cref="AccessDeniedException">The journey is outside the caller's scope.</exception>
    public static void Demand(Caller caller, JourneyState state, DateTimeOffset now)
    {
        if (!Includes(caller, state, now))
        {
            throw new AccessDeniedException(JourneyScopeRule.OutOfScope);
        }
    }

    /// <summary>
    /// The caseload query a caller may run: a link worker who is not a supervisor sees their own caseload (the
    /// default), or the tenant's unassigned referrals (status <c>referred</c>); another link worker's is refused.
    /// </summary>
    /// <exception cref="AccessDeniedException">The query asks for another link worker's caseload.</exception>
    public static JourneyQuery Narrow(Caller caller, JourneyQuery query)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        if (caller.IsSystem || caller.HasRole(AccessRoles.Supervisor))
        {
            return query;
        }

        if (query.LinkWorkerId is null)
        {
            return query.Status == WireNames.Of(JourneyStatus.Referred) ? query : query with { LinkWorkerId = caller.Id };
        }

        return string.Equals(query.LinkWorkerId, caller.Id, StringComparison.Ordinal)
            ? query
            : throw new AccessDeniedException("A link worker sees their own caseload; a supervisor sees every link worker's.");
    }
}
