namespace SocialPrescribing.Domain.Journeys;

/// <summary>The clinician or agency who referred the person, and who gets the message back.</summary>
[GenerateSerializer, Immutable, Alias("sp.ReferrerDetails")]
public sealed record ReferrerDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Organization,
    [property: Id(2)] string Role);
