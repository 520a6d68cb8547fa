namespace Contoso.Rides.Partner;

/// <summary>The way back; no drop-off means back to the first pickup.</summary>
internal sealed record PartnerReturnLeg(PartnerWindow PickupWindow, PartnerAddress? Dropoff);
