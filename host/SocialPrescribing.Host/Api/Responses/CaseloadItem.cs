namespace SocialPrescribing.Host.Api.Responses;

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
