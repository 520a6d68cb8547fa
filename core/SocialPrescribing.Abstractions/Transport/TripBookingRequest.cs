namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A request to book a trip.</summary>
public sealed record TripBookingRequest
{
    /// <summary>
    /// Identifies this booking request across retries (1 to 255 printable ASCII characters). A partner that
    /// receives a key it has seen returns the booking the first request made and books nothing new.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The trip to book.</summary>
    public required TripRequest Trip { get; init; }

    /// <summary>The <see cref="TripQuote.QuoteReference"/> the booking accepts, or null to book without a quote.</summary>
    public string? QuoteReference { get; init; }
}
