namespace Contoso.Rides.Partner;

/// <summary>The person travelling, as the driver needs them.</summary>
internal sealed record PartnerRider(string Name, string? Phone, string? Language);
