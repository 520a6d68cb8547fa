using System.Text.Json;

namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>
/// Where a service takes people from, as its HSDS <c>service_areas</c> say it in a form a match can judge: a GeoJSON
/// extent (<c>extent_type</c> <c>geojson</c>: a Polygon or MultiPolygon, or a Feature of one) as rings of
/// longitude/latitude points, or a text extent (<c>extent_type</c> <c>text</c>) listing postal codes or their starts
/// (<c>T2P, T2R, T3</c>). Areas in other forms (KML, TopoJSON, a name alone) cannot be judged and are left out.
/// </summary>
public sealed record ServiceArea(string? Name, IReadOnlyList<IReadOnlyList<(double Longitude, double Latitude)>> Polygons, IReadOnlyList<string> PostalPrefixes)
{
    /// <summary>Whether the point is inside the area's polygons (even-odd rule: a hole is outside).</summary>
    public bool Contains(double latitude, double longitude)
    {
        var inside = false;
        foreach (var ring in Polygons)
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (xi, yi) = ring[i];
                var (xj, yj) = ring[j];
                if ((yi > latitude) != (yj > latitude) && longitude < ((xj - xi) * (latitude - yi) / (yj - yi)) + xi)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>Whether the postal code (any spacing or case) starts with one of the area's codes.</summary>
    public bool Covers(string postalCode)
    {
        var code = string.Concat(postalCode.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        return PostalPrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>The areas of a service document that a match can judge.</summary>
    public static IReadOnlyList<ServiceArea> Of(JsonElement service)
    {
        if (!service.TryGetProperty("service_areas", out var areas) || areas.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var judged = new List<ServiceArea>();
        foreach (var area in areas.EnumerateArray())
        {
            var type = area.TryGetProperty("extent_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var extent = area.TryGetProperty("extent", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var name = area.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (extent is null)
            {
                continue;
            }

            if (string.Equals(type, "geojson", StringComparison.OrdinalIgnoreCase) && ParsePolygons(extent) is { Count: > 0 } polygons)
            {
                judged.Add(new ServiceArea(name, polygons, []));
            }
            else if (string.Equals(type, "text", StringComparison.OrdinalIgnoreCase) && Prefixes(extent) is { Count: > 0 } prefixes)
            {
                judged.Add(new ServiceArea(name, [], prefixes));
            }
        }

        return judged;
    }

    private static List<string> Prefixes(string extent)
    {
        var parts = extent.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Concat(p.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant())
            .ToList();
        // Only a list that is all postal codes or starts of them (letters and digits, 1 to 10): prose is not an area.
        return parts.Count > 0 && parts.All(p => p.Length is >= 1 and <= 10 && p.All(char.IsAsciiLetterOrDigit) && p.Any(char.IsAsciiDigit)) ? parts : [];
    }

    private static List<IReadOnlyList<(double, double)>> ParsePolygons(string extent)
    {
        var rings = new List<IReadOnlyList<(double, double)>>();
        try
        {
            using var document = JsonDocument.Parse(extent);
            Collect(document.RootElement, rings);
        }
        catch (JsonException)
        {
            return [];
        }
        catch (InvalidOperationException)
        {
            return [];
        }

        return rings;
    }

    private static void Collect(JsonElement geometry, List<IReadOnlyList<(double, double)>> rings)
    {
        var type = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "Feature" when geometry.TryGetProperty("geometry", out var inner):
                Collect(inner, rings);
                break;
            case "FeatureCollection" when geometry.TryGetProperty("features", out var features):
                foreach (var feature in features.EnumerateArray())
                {
                    Collect(feature, rings);
                }

                break;
            case "Polygon" when geometry.TryGetProperty("coordinates", out var polygon):
                AddPolygon(polygon, rings);
                break;
            case "MultiPolygon" when geometry.TryGetProperty("coordinates", out var polygons):
                foreach (var polygon in polygons.EnumerateArray())
                {
                    AddPolygon(polygon, rings);
                }

                break;
        }
    }

    private static void AddPolygon(JsonElement polygon, List<IReadOnlyList<(double, double)>> rings)
    {
        foreach (var ring in polygon.EnumerateArray())
        {
            var points = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
            if (points.Count >= 3)
            {
                rings.Add(points);
            }
        }
    }
}
