using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>What the person needs to travel: wheelchair, walking aid, service animal, escorts, help door to door.</summary>
[GenerateSerializer, Immutable, Alias("sp.TripMobility")]
public sealed record TripMobility(
    [property: Id(0)] WheelchairUse Wheelchair,
    [property: Id(1)] bool WalkingAid,
    [property: Id(2)] bool ServiceAnimal,
    [property: Id(3)] int Escorts,
    [property: Id(4)] bool DoorToDoorAssistance,
    [property: Id(5)] string? Notes)
{
    public static readonly TripMobility None = new(WheelchairUse.None, false, false, 0, false, null);
}
