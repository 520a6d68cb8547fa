namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// A community program a person is connected to; <see cref="ServiceId"/> points into the HSDS directory when known,
/// and a referral made from the directory names the service at a location it is addressed to and the provider
/// organization that receives it.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.CommunityProgram")]
public sealed record CommunityProgram(
    [property: Id(0)] string Name,
    [property: Id(1)] string? ServiceId,
    [property: Id(2)] string? Organization,
    [property: Id(3)] Guid? ServiceAtLocationId = null,
    [property: Id(4)] Guid? OrganizationId = null);
