using SocialPrescribing.Abstractions.Transport;

namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>A return trip to a community program in a wheelchair-accessible vehicle, with an escort.</summary>
internal static class Trips
{
    public static readonly TimeWindow Pickup = new(
        new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(-7)), new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-7)));

    public static readonly TimeWindow ReturnPickup = new(
        new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.FromHours(-7)), new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(-7)));

    public static TripRequest ToTheCommunityHall(WheelchairUse wheelchair = WheelchairUse.StaysInChair) => new()
    {
        TripId = Guid.CreateVersion7(),
        Passenger = new TripPassenger { Name = "Marie T.", Phone = "403-555-0101", PreferredLanguage = "fr" },
        Pickup = new TripLocation { Street = "12 Elm Street", Municipality = "Calgary", Province = "AB", PostalCode = "T2P 1J9", Instructions = "side door" },
        Destination = new TripLocation { Name = "Bow Valley Community Hall", Street = "1 Main Street", Municipality = "Calgary", Province = "AB" },
        PickupWindow = Pickup,
        ArriveBy = Pickup.End.AddMinutes(30),
        Return = new ReturnTrip { PickupWindow = ReturnPickup },
        MobilityNeeds = new MobilityNeeds { Wheelchair = wheelchair, Escorts = 1 },
    };

    public static TripBookingRequest Booking(TripRequest trip, string idempotencyKey, string? quoteReference = null) =>
        new() { IdempotencyKey = idempotencyKey, Trip = trip, QuoteReference = quoteReference };
}
