namespace Contoso.Rides.Partner;

/// <summary>The body of <c>POST /v1/bookings</c>; the <c>Idempotency-Key</c> header identifies it across retries.</summary>
internal sealed record PartnerBookingRequest(string? QuoteId, PartnerTrip Trip);
