namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>
/// Where a service is delivered (an HSDS service_at_location and its location): coordinates only when the record's
/// latitude and longitude are both given and on the globe, the first address's postal code (upper case, without
/// spaces) and city, and whether the location describes its accessibility.
/// </summary>
public sealed record DirectoryPlace(
    Guid ServiceAtLocationId, Guid? LocationId, string? Name, double? Latitude, double? Longitude, string? PostalCode, string? City, bool DescribesAccessibility);
