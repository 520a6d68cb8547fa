using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Jobs;

/// <summary>A journey's trip as a partner sees it: the passenger's name, phone and language, and the trip, nothing else.</summary>
public static class TransportTrips
{
    public static TripRequest ToRequest(JourneyState journey, TransportTrip trip)
    {
        var client = journey.Client!;
        var details = trip.Details;
        return new TripRequest
        {
            TripId = trip.Id,
            Passenger = new TripPassenger
            {
                Name = $"{client.GivenName} {client.FamilyName}",
                Phone = client.Phone,
                PreferredLanguage = WireNames.Of(client.PreferredLanguage),
            },
            Pickup = ToLocation(details.Pickup),
            Destination = ToLocation(details.Destination),
            PickupWindow = new TimeWindow(details.PickupWindow.Start, details.PickupWindow.End),
            ArriveBy = details.ArriveBy,
            Return = details.ReturnPickupWindow is { } back ? new ReturnTrip { PickupWindow = new TimeWindow(back.Start, back.End) } : null,
            MobilityNeeds = new MobilityNeeds
            {
                Wheelchair = details.Mobility.Wheelchair,
                WalkingAid = details.Mobility.WalkingAid,
                ServiceAnimal = details.Mobility.ServiceAnimal,
                Escorts = details.Mobility.Escorts,
                DoorToDoorAssistance = details.Mobility.DoorToDoorAssistance,
                Notes = details.Mobility.Notes,
            },
        };
    }

    /// <summary>The key a partner sees for booking this trip: the same on every retry, so it is booked at most once.</summary>
    public static string BookingKey(Guid tripId) => $"trip-{tripId:N}";

    public static string CancellationKey(Guid tripId) => $"trip-{tripId:N}-cancel";

    public static TripWindow? ToWindow(TimeWindow? window) => window is null ? null : new TripWindow(window.Start, window.End);

    private static TripLocation ToLocation(TripPlace place) => new()
    {
        Name = place.Name,
        Street = place.Street,
        Municipality = place.Municipality,
        Province = place.Province,
        PostalCode = place.PostalCode,
        Instructions = place.Instructions,
    };
}
