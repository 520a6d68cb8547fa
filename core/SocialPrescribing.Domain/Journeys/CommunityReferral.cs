namespace SocialPrescribing.Domain.Journeys;

[GenerateSerializer, Immutable, Alias("sp.CommunityReferral")]
public sealed record CommunityReferral(
    [property: Id(0)] Guid Id,
    [property: Id(1)] CommunityProgram Program,
    [property: Id(2)] string? Notes,
    [property: Id(3)] CommunityReferralStatus Status,
    [property: Id(4)] DateTimeOffset MadeAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);
