using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Caseloads;

internal sealed record CaseloadItem(
    Guid JourneyId,
    [property: WireEnum<JourneyStatus>(Except = "none")] string Status,
    string? LinkWorkerId,
    string ClientName,
    DateTimeOffset ReferredAt,
    DateTimeOffset? FirstContactDueAt,
    bool FirstContactOverdue,
    int OpenSafetyAlerts,
    long Version,
    DateTimeOffset UpdatedAt);
