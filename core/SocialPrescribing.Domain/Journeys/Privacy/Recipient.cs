using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>Who information is about to be disclosed to: their role, and the ids they go by (a user id, an organization id).</summary>
[GenerateSerializer, Immutable, Alias("sp.Recipient")]
public sealed record Recipient(
    [property: Id(0)] RecipientRole Role,
    [property: Id(1)] ImmutableArray<string> Ids)
{
    public static Recipient Of(RecipientRole role, params string[] ids) => new(role, [.. ids]);
}
