using System.ComponentModel.DataAnnotations;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>What the person needs to travel.</summary>
internal sealed record MobilityRequest(
    [property: WireEnum<WheelchairUse>] string? Wheelchair = null,
    bool? WalkingAid = null,
    bool? ServiceAnimal = null,
    [property: Range(0, 3)] int? Escorts = null,
    bool? DoorToDoorAssistance = null,
    [property: MultilineText] string? Notes = null)
{
    public TripMobility ToMobility(RequestValidation validation)
    {
        var wheelchair = Wheelchair is null ? WheelchairUse.None : validation.Enum<WheelchairUse>(Wheelchair, "mobility.wheelchair");
        if (Escorts is < 0 or > 3)
        {
            validation.Add("mobility.escorts", "From 0 to 3.");
        }

        return new TripMobility(
            wheelchair,
            WalkingAid ?? false,
            ServiceAnimal ?? false,
            Escorts ?? 0,
            DoorToDoorAssistance ?? false,
            validation.Optional(Notes, "mobility.notes", RequestValidation.ItemLength));
    }
}
