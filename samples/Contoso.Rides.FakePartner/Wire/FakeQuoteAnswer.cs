namespace Contoso.Rides.FakePartner.Wire;

internal sealed record FakeQuoteAnswer(bool Offered, string? QuoteId, FakePrice? Price, FakeWindow? PickupEstimate, DateTimeOffset? ValidUntil, string? DeclineReason);
