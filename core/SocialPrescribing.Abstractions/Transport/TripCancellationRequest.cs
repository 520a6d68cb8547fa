namespace SocialPrescribing.Abstractions.Transport;

/// <summary>A request to cancel a booking.</summary>
public sealed record TripCancellationRequest
{
    /// <summary>The <see cref="TripBooking.PartnerReference"/> of the booking to cancel.</summary>
    public required string PartnerReference { get; init; }

    /// <summary>Identifies this cancellation across retries; a repeated key cancels nothing new.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>Why the trip is cancelled, in plain words without personal health information.</summary>
    public required string Reason { get; init; }
}
