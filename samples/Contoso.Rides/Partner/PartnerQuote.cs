namespace Contoso.Rides.Partner;

/// <summary>The answer to <c>POST /v1/quotes</c>: an offer, or a refusal with its reason.</summary>
internal sealed record PartnerQuote(bool Offered, string? QuoteId, PartnerPrice? Price, PartnerWindow? PickupEstimate, DateTimeOffset? ValidUntil, string? DeclineReason);
