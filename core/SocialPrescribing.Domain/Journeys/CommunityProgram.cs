namespace SocialPrescribing.Domain.Journeys;

/// <summary>A community program a person is connected to; <see cref="ServiceId"/> points into the HSDS directory when known.</summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityProgram")]
public sealed record CommunityProgram(
    [property: Id(0)] string Name,
    [property: Id(1)] string? ServiceId,
    [property: Id(2)] string? Organization);
