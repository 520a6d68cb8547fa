using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>
/// How the person wants to be contacted: by which channels and at which times of day (empty means no preference),
/// or not at all. While <see cref="DoNotContact"/> holds, the program makes no contact attempts.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.ContactPreferences")]
public sealed record ContactPreferences(
    [property: Id(0)] ImmutableArray<ContactChannel> Channels,
    [property: Id(1)] ImmutableArray<DayPart> Times,
    [property: Id(2)] bool DoNotContact)
{
    /// <summary>No preference stated: a referral is made with the person's agreement to be contacted about it.</summary>
    public static readonly ContactPreferences Any = new([], [], false);
}
