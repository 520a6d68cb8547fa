using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>A partner's quote, as it gave it.</summary>
internal sealed record QuoteResponse(
    string Partner,
    bool Available,
    string? QuoteReference,
    TripFare? Fare,
    TimeWindow? EstimatedPickup,
    DateTimeOffset? ExpiresAt,
    string? UnavailableReason);
