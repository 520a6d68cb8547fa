namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A trip wanted: who travels, from where to where, when, with what needs, and whether they come back.</summary>
public sealed record TripRequest
{
    /// <summary>
    /// The host's id for this trip, the same for its quote, booking and any retry; a partner may keep it as its
    /// customer reference.
    /// </summary>
    public required Guid TripId { get; init; }

    /// <summary>The person travelling.</summary>
    public required TripPassenger Passenger { get; init; }

    /// <summary>Where the person is picked up.</summary>
    public required TripLocation Pickup { get; init; }

    /// <summary>Where the person is going: the community program's location.</summary>
    public required TripLocation Destination { get; init; }

    /// <summary>When the person is ready to be picked up.</summary>
    public required TimeWindow PickupWindow { get; init; }

    /// <summary>When the person must arrive (the program's start), or null when only the pickup window matters.</summary>
    public DateTimeOffset? ArriveBy { get; init; }

    /// <summary>The trip back, or null for a one-way trip.</summary>
    public ReturnTrip? Return { get; init; }

    /// <summary>What the vehicle and driver must provide.</summary>
    public MobilityNeeds MobilityNeeds { get; init; } = MobilityNeeds.None;
}
