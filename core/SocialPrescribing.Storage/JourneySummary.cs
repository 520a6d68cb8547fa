namespace SocialPrescribing.Storage;

/// <summary>The caseload row of a journey, rewritten with every append so listings never read streams.</summary>
public sealed record JourneySummary(
    string Status,
    string? LinkWorkerId,
    string ClientName,
    DateTimeOffset ReferredAt,
    DateTimeOffset? FirstContactDueAt,
    bool FirstContactOverdue,
    bool AwaitsFirstContactCheck,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Safety alerts on the journey that no supervisor has acknowledged yet; shown on every caseload row.</summary>
    public int OpenSafetyAlerts { get; init; }

    /// <summary>Trips requested and not yet answered by their partner; reconciliation books them again after a lost job.</summary>
    public int TripsAwaitingPartner { get; init; }

    /// <summary>
    /// The journey's assessment scores as JSON (no responses, no notes), written with every append so program
    /// outcome reports never read streams. Null when the journey has no assessment; never returned by listings.
    /// </summary>
    public string? AssessmentDigest { get; init; }

    /// <summary>
    /// The journey's community referrals as JSON (<c>CommunityReferralDigest</c>: no notes, no person), written with
    /// every append so a partner's list of the referrals addressed to it, providers' response figures and the share of
    /// people connected never read streams. Null when the journey has no community referral.
    /// </summary>
    public string? CommunityReferrals { get; init; }

    /// <summary>When the first contact was made; null until it is.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>When the latest contact was made; null before the first.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>The earliest follow-up not yet done, if one is scheduled.</summary>
    public DateOnly? NextFollowUpOn { get; init; }

    /// <summary>Community referrals still live (requested, accepted, started or waitlisted).</summary>
    public int ActivePrograms { get; init; }

    /// <summary>The person's birth date: with their name, how a possible duplicate referral is found.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The journey's unmet needs as JSON (need, when, area; no details), for the unmet-needs report; null when none.</summary>
    public string? UnmetNeeds { get; init; }
}
