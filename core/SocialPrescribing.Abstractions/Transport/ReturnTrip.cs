namespace SocialPrescribing.Abstractions.Transport;

/// <summary>The trip back from the destination.</summary>
public sealed record ReturnTrip
{
    /// <summary>When the person is ready to leave the destination.</summary>
    public required TimeWindow PickupWindow { get; init; }

    /// <summary>Where the person goes back to, or null for the trip's original pickup location.</summary>
    public TripLocation? DropOff { get; init; }
}
