namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A partner's answer to a quote: an offer for the trip, or a refusal with its reason.</summary>
public sealed record TripQuote
{
    /// <summary>True when the partner can make the trip as asked.</summary>
    public required bool Available { get; init; }

    /// <summary>
    /// The partner's reference for the offer, passed back in <see cref="TripBookingRequest.QuoteReference"/>;
    /// null when the partner books without quotes or the trip is not available.
    /// </summary>
    public string? QuoteReference { get; init; }

    /// <summary>The price, or null when the partner does not price trips or the trip is not available.</summary>
    public TripFare? Fare { get; init; }

    /// <summary>When the partner expects to pick the person up, or null when it does not say.</summary>
    public TimeWindow? EstimatedPickup { get; init; }

    /// <summary>Until when the offer holds, or null when it does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Why the trip is not available (for example <c>outside service area</c>); null when it is.</summary>
    public string? UnavailableReason { get; init; }
}
