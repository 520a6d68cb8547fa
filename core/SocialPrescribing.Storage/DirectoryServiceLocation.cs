namespace SocialPrescribing.Storage;

/// <summary>
/// Where a service is delivered, as the store indexes it (an HSDS service_at_location): its id, the location's id,
/// coordinates when both are known and on the globe, and the postal code (upper case, without spaces). The whole
/// record stays in the service's document.
/// </summary>
public sealed record DirectoryServiceLocation(Guid Id, Guid? LocationId, double? Latitude, double? Longitude, string? PostalCode)
{
    public const int MaxPostalCodeLength = 16;

    public void Validate()
    {
        if (Id == Guid.Empty)
        {
            throw new ArgumentException("A service at a location needs an id.", nameof(Id));
        }

        if (Latitude is null != Longitude is null || Latitude is { } latitude && (double.IsNaN(latitude) || Math.Abs(latitude) > 90)
            || Longitude is { } longitude && (double.IsNaN(longitude) || Math.Abs(longitude) > 180))
        {
            throw new ArgumentException("A location's coordinates are a latitude (-90 to 90) and a longitude (-180 to 180), both or neither.", nameof(Latitude));
        }

        if (PostalCode is { Length: > MaxPostalCodeLength })
        {
            throw new ArgumentException($"A postal code is at most {MaxPostalCodeLength} characters.", nameof(PostalCode));
        }
    }
}
