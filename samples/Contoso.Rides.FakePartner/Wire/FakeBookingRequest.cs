namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeBookingRequest(string? QuoteId, FakeTrip? Trip);
