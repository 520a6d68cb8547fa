namespace SocialPrescribing.Host.Features.Caseloads;

internal sealed record CaseloadItem(
    Guid JourneyId,
    string Status,
    string? LinkWorkerId,
    string ClientName,
    DateTimeOffset ReferredAt,
    DateTimeOffset? FirstContactDueAt,
    bool FirstContactOverdue,
    int OpenSafetyAlerts,
    long Version,
    DateTimeOffset UpdatedAt);
