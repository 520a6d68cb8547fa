namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A booking as the partner has it.</summary>
public sealed record TripBooking
{
    /// <summary>
    /// The partner's reference for the booking, never empty: the host keeps it to cancel the booking and to ask
    /// for its status.
    /// </summary>
    public required string PartnerReference { get; init; }

    /// <summary>Where the booking stands.</summary>
    public required TripStatus Status { get; init; }

    /// <summary>When the partner will pick the person up, or null until it has said.</summary>
    public TimeWindow? ScheduledPickup { get; init; }

    /// <summary>When the partner will pick the person up for the trip back, or null for none or not yet said.</summary>
    public TimeWindow? ScheduledReturnPickup { get; init; }

    /// <summary>The fare charged, or null when the partner does not say.</summary>
    public TripFare? Fare { get; init; }

    /// <summary>A note from the partner for the link worker (a decline reason, the driver's name), or null.</summary>
    public string? Message { get; init; }
}
