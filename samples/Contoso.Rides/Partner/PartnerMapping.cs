using SocialPrescribing.Abstractions.Transport;

namespace Contoso.Rides.Partner;

/// <summary>Between the SDK's trips and bookings and the partner API's shapes.</summary>
internal static class PartnerMapping
{
    public static PartnerTrip ToPartner(TripRequest trip) => new(
        trip.TripId.ToString("D"),
        new PartnerRider(trip.Passenger.Name, trip.Passenger.Phone, trip.Passenger.PreferredLanguage),
        ToPartner(trip.Pickup),
        ToPartner(trip.Destination),
        ToPartner(trip.PickupWindow),
        trip.ArriveBy,
        trip.Return is { } back ? new PartnerReturnLeg(ToPartner(back.PickupWindow), back.DropOff is { } dropOff ? ToPartner(dropOff) : null) : null,
        ToPartner(trip.MobilityNeeds));

    public static TripQuote ToQuote(PartnerQuote quote) => quote.Offered
        ? new TripQuote
        {
            Available = true,
            QuoteReference = quote.QuoteId,
            Fare = ToFare(quote.Price),
            EstimatedPickup = ToWindow(quote.PickupEstimate),
            ExpiresAt = quote.ValidUntil,
        }
        : new TripQuote
        {
            Available = false,
            UnavailableReason = string.IsNullOrWhiteSpace(quote.DeclineReason) ? "Contoso Rides cannot make this trip." : quote.DeclineReason,
        };

    /// <exception cref="ContosoRidesException">The booking has no id or an unknown state.</exception>
    public static TripBooking ToBooking(PartnerBooking booking) => new()
    {
        PartnerReference = string.IsNullOrWhiteSpace(booking.BookingId)
            ? throw new ContosoRidesException("Contoso Rides answered with a booking that has no id.")
            : booking.BookingId,
        Status = PartnerStates.ToStatus(booking.State),
        ScheduledPickup = ToWindow(booking.Pickup),
        ScheduledReturnPickup = ToWindow(booking.ReturnPickup),
        Fare = ToFare(booking.Price),
        Message = booking.Note,
    };

    private static PartnerAddress ToPartner(TripLocation location) => new(
        location.Name, location.Street, location.Municipality, location.Province, location.PostalCode, location.Instructions);

    private static PartnerWindow ToPartner(TimeWindow window) => new(window.Start, window.End);

    private static PartnerAccessibility ToPartner(MobilityNeeds needs) => new(
        needs.Wheelchair switch
        {
            WheelchairUse.Transfers => "folding",
            WheelchairUse.StaysInChair => "stays-in-chair",
            _ => "none",
        },
        needs.WalkingAid,
        needs.ServiceAnimal,
        needs.Escorts,
        needs.DoorToDoorAssistance,
        needs.Notes);

    private static TimeWindow? ToWindow(PartnerWindow? window) => window is null ? null : new TimeWindow(window.From, window.To);

    private static TripFare? ToFare(PartnerPrice? price) => price is null ? null : new TripFare(price.Amount, price.Currency, price.Payer);
}
