namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeBookingAnswer(string BookingId, string State, FakeWindow Pickup, FakeWindow? ReturnPickup, FakePrice Price, string? Note)
{
    public static FakeBookingAnswer From(FakeBooking booking) =>
        new(booking.Id, booking.State, booking.Pickup, booking.ReturnPickup, booking.Price, booking.Note);
}
