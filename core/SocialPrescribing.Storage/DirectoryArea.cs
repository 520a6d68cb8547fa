namespace SocialPrescribing.Storage;

/// <summary>
/// A circle on the earth: every point within <see cref="Meters"/> of a centre, by great-circle distance on a sphere
/// of the earth's mean radius (within half a percent of the true distance anywhere, which a search by distance does
/// not notice). Both engines compute the same distance: the SQL is written from <see cref="DistanceMeters"/>.
/// </summary>
public sealed record DirectoryArea(double Latitude, double Longitude, double Meters)
{
    /// <summary>The earth's mean radius, in metres (IUGG).</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>The farthest a search reaches: half the way round the earth.</summary>
    public const double MaxMeters = 20_000_000;

    private const double MetersPerDegreeOfLatitude = Math.PI * EarthRadiusMeters / 180;

    public void Validate()
    {
        if (double.IsNaN(Latitude) || Math.Abs(Latitude) > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(Latitude), Latitude, "A latitude is from -90 to 90.");
        }

        if (double.IsNaN(Longitude) || Math.Abs(Longitude) > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(Longitude), Longitude, "A longitude is from -180 to 180.");
        }

        if (double.IsNaN(Meters) || Meters is <= 0 or > MaxMeters)
        {
            throw new ArgumentOutOfRangeException(nameof(Meters), Meters, $"A distance is more than 0 and at most {MaxMeters} metres.");
        }
    }

    /// <summary>The lowest and highest latitudes the circle reaches: what an index narrows the search to first.</summary>
    public (double Min, double Max) LatitudeBand
    {
        get
        {
            var degrees = Meters / MetersPerDegreeOfLatitude;
            return (Math.Max(-90, Latitude - degrees), Math.Min(90, Latitude + degrees));
        }
    }

    /// <summary>
    /// The westmost and eastmost longitudes the circle reaches, or null when it reaches a pole or across the
    /// antimeridian (then only the latitudes narrow it).
    /// </summary>
    public (double Min, double Max)? LongitudeBand
    {
        get
        {
            var (south, north) = LatitudeBand;
            var widest = Math.Max(Math.Abs(south), Math.Abs(north));
            if (widest >= 89.9)
            {
                return null;
            }

            var degrees = Meters / (MetersPerDegreeOfLatitude * Math.Cos(widest * Math.PI / 180));
            return Longitude - degrees < -180 || Longitude + degrees > 180 ? null : (Longitude - degrees, Longitude + degrees);
        }
    }

    /// <summary>The great-circle distance between two points, in metres (the haversine formula).</summary>
    public static double DistanceMeters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var dLatitude = Radians(latitude2 - latitude1);
        var dLongitude = Radians(longitude2 - longitude1);
        var h = Math.Pow(Math.Sin(dLatitude / 2), 2)
            + Math.Cos(Radians(latitude1)) * Math.Cos(Radians(latitude2)) * Math.Pow(Math.Sin(dLongitude / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
