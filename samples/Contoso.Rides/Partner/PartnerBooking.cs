namespace Contoso.Rides.Partner;

/// <summary>A booking as the partner holds it; <see cref="State"/> is one of <see cref="PartnerStates"/>.</summary>
internal sealed record PartnerBooking(
    string BookingId,
    string State,
    PartnerWindow? Pickup,
    PartnerWindow? ReturnPickup,
    PartnerPrice? Price,
    string? Note);
