namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakePrice(decimal Amount, string Currency, string Payer);
