namespace Contoso.Rides.Partner;

/// <summary>The body of <c>POST /v1/bookings/{id}/cancellation</c>.</summary>
internal sealed record PartnerCancellation(string Reason);
