namespace Contoso.Rides.Partner;

/// <summary>A stop: a named place or a home address, with directions for the driver.</summary>
internal sealed record PartnerAddress(string? PlaceName, string Street, string City, string Province, string? PostalCode, string? DriverNotes);
