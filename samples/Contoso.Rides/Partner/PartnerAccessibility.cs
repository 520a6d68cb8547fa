namespace Contoso.Rides.Partner;

/// <summary>
/// What the vehicle and driver must provide. <see cref="Wheelchair"/> is <c>none</c>, <c>folding</c> (the rider
/// transfers to a seat) or <c>stays-in-chair</c> (a ramp or lift and tie-downs).
/// </summary>
internal sealed record PartnerAccessibility(string Wheelchair, bool WalkingAid, bool ServiceAnimal, int Companions, bool DoorToDoor, string? Notes);
