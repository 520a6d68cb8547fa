using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>What can stand between the person and a community program.</summary>
public enum AccessBarrier
{
    /// <summary>No way to get there on their own: near programs, or a trip a transport partner can take.</summary>
    Transport,

    /// <summary>Cannot pay: free programs.</summary>
    Cost,

    /// <summary>Needs step-free, accessible places.</summary>
    Mobility,

    /// <summary>Needs the program in a language of theirs.</summary>
    Language,

    /// <summary>Cares for children: programs at the times they are free.</summary>
    Childcare,

    /// <summary>Cannot take part online.</summary>
    DigitalAccess,
}

/// <summary>A day of the week, Monday first (ISO 8601).</summary>
public enum Weekday
{
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// <summary>A time the person is free: a day, from a time to a later time of that day.</summary>
[GenerateSerializer, Immutable, Alias("sp.AvailabilityWindow")]
public sealed record AvailabilityWindow(
    [property: Id(0)] Weekday Day,
    [property: Id(1)] TimeOnly From,
    [property: Id(2)] TimeOnly To);

/// <summary>
/// The person's barriers and preferences, as the link worker records them with the person: what stands in the way, what
/// they are interested in, the languages they take part in (ISO 639-1 codes), when they are free, how far they can
/// travel, and where they start from when not from the centre of their postal code.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.BarriersAndPreferences")]
public sealed record BarriersAndPreferences(
    [property: Id(0)] ImmutableArray<AccessBarrier> Barriers,
    [property: Id(1)] ImmutableArray<string> Interests,
    [property: Id(2)] ImmutableArray<string> Languages,
    [property: Id(3)] ImmutableArray<AvailabilityWindow> Availability,
    [property: Id(4)] int? MaxTravelMeters,
    [property: Id(5)] double? Latitude,
    [property: Id(6)] double? Longitude)
{
    public bool Has(AccessBarrier barrier) => Barriers.Contains(barrier);
}
