namespace SocialPrescribing.Storage;

/// <summary>
/// How many of a tenant's journeys one link worker (or nobody, when <see cref="LinkWorkerId"/> is null) holds at one
/// stage, and how many of those are past their first-contact deadline or have a safety alert open: counts only, no
/// person, for the team dashboard.
/// </summary>
public sealed record CaseloadTally(string? LinkWorkerId, string Status, long Journeys, long FirstContactOverdue, long WithOpenSafetyAlerts);

/// <summary>How long one journey waited from its referral to its first contact, and with whom: no person, for the team dashboard.</summary>
public sealed record FirstContactTime(string? LinkWorkerId, DateTimeOffset ReferredAt, DateTimeOffset FirstContactAt)
{
    public TimeSpan Wait => FirstContactAt - ReferredAt;
}
