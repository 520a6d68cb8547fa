namespace Contoso.Rides.Partner;

/// <summary>
/// The body of <c>POST /v1/quotes</c>, and the trip inside a booking. <c>customerRef</c> is the host's trip id,
/// the same for the quote, the booking and any retry.
/// </summary>
internal sealed record PartnerTrip(
    string CustomerRef,
    PartnerRider Rider,
    PartnerAddress Pickup,
    PartnerAddress Dropoff,
    PartnerWindow PickupWindow,
    DateTimeOffset? ArriveBy,
    PartnerReturnLeg? Return,
    PartnerAccessibility Accessibility);
