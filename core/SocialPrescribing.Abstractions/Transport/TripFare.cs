namespace SocialPrescribing.Abstractions.Transport;

/// <summary>What a trip costs.</summary>
/// <param name="Amount">The amount, for example <c>12.50</c>; zero for a free trip.</param>
/// <param name="Currency">The ISO 4217 currency code, for example <c>CAD</c>.</param>
/// <param name="PaidBy">Who pays, in the partner's words, for example <c>program</c> or <c>rider</c>; null when not said.</param>
public sealed record TripFare(decimal Amount, string Currency, string? PaidBy = null);
