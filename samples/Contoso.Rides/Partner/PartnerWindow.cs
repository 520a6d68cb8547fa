namespace Contoso.Rides.Partner;

/// <summary>A time window as the partner API writes it: <c>{"from": …, "to": …}</c>.</summary>
internal sealed record PartnerWindow(DateTimeOffset From, DateTimeOffset To);
