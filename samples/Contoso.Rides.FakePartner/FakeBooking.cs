using Contoso.Rides.FakePartner.Wire;

namespace Contoso.Rides.FakePartner;

/// <summary>A booking the fake holds, with the account and idempotency key that made it.</summary>
internal sealed record FakeBooking(
    string Id,
    string Account,
    string IdempotencyKey,
    string CustomerRef,
    string State,
    FakeWindow Pickup,
    FakeWindow? ReturnPickup,
    FakePrice Price,
    string? Note);
