using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CommunityReferralResponse(
    Guid Id,
    CommunityProgram Program,
    string? Notes,
    [property: WireEnum<CommunityReferralStatus>] string Status,
    IReadOnlyList<string> AllowedStatuses,
    DateTimeOffset MadeAt,
    DateTimeOffset UpdatedAt);
