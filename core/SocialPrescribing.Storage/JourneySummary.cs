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
    DateTimeOffset UpdatedAt);
