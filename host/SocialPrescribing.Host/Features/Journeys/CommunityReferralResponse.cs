using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CommunityReferralResponse(
    Guid Id,
    CommunityProgram Program,
    string? Notes,
    string Status,
    IReadOnlyList<string> AllowedStatuses,
    DateTimeOffset MadeAt,
    DateTimeOffset UpdatedAt);
