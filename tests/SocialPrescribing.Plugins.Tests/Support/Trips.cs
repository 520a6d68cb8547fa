using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>Trip requests; the test partner reads the passenger's name as an instruction (hang, block, throw, null).</summary>
internal static class Trips
{
    public static TripRequest For(string passenger) => new()
    {
        TripId = Guid.CreateVersion7(),
        Passenger = new TripPassenger { Name = passenger, Phone = "403-555-0101", PreferredLanguage = "fr" },
        Pickup = new TripLocation { Street = "12 Elm Street", Municipality = "Calgary", Province = "AB", PostalCode = "T2P 1J9" },
        Destination = new TripLocation { Name = "Bow Valley Community Hall", Street = "1 Main Street", Municipality = "Calgary", Province = "AB" },
        PickupWindow = new TimeWindow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-7)), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-7))),
        Return = new ReturnTrip { PickupWindow = new TimeWindow(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(-7)), new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(-7))) },
        MobilityNeeds = new MobilityNeeds { Wheelchair = WheelchairUse.StaysInChair, Escorts = 1 },
    };
}
