namespace SocialPrescribing.Domain.Journeys;

public sealed record CommunityReferral(
    Guid Id,
    CommunityProgram Program,
    string? Notes,
    CommunityReferralStatus Status,
    DateTimeOffset MadeAt,
    DateTimeOffset UpdatedAt);
