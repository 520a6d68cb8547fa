namespace Contoso.Rides.Partner;

/// <summary>A fare: amount, ISO 4217 currency, and who pays (<c>program</c> or <c>rider</c>).</summary>
internal sealed record PartnerPrice(decimal Amount, string Currency, string? Payer);
