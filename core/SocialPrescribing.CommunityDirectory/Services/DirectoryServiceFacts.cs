using System.Globalization;
using System.Text;
using System.Text.Json;
using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.CommunityDirectory.Services;

/// <summary>
/// What the directory searches and matches on, read once from a valid HSDS 3 service document: the columns a store
/// keeps beside the whole document, so that a search never has to open one.
/// </summary>
public sealed record DirectoryServiceFacts(
    Guid Id,
    Guid? OrganizationId,
    string? OrganizationName,
    string Name,
    string Status,
    decimal? MinimumAge,
    decimal? MaximumAge,
    DateOnly? AssuredDate,
    DateTimeOffset? LastModified,
    ServiceCost Cost,
    IReadOnlyList<string> Languages,
    IReadOnlyList<Guid> TaxonomyTermIds,
    IReadOnlyList<DirectoryPlace> Places,
    string SearchText,
    IReadOnlyList<HsdsRecord> Records)
{
    /// <summary>When the service meets, from its schedules and those of its places: each weekday and span it names.</summary>
    public IReadOnlyList<DirectoryOpening> Openings { get; init; } = [];

    /// <summary>True when every place the service is delivered at is virtual (online or by phone).</summary>
    public bool OnlineOnly { get; init; }

    /// <summary>What the service says of taking referrals now (<see cref="ReferralIntake"/>), when it says anything.</summary>
    public ReferralIntake? Intake { get; init; }

    /// <summary>The areas it takes people from, in the forms a match can judge; empty when it names none so.</summary>
    public IReadOnlyList<ServiceArea> Areas { get; init; } = [];

    /// <summary>The facts of a service the directory keeps, from its stored document (found valid when it was imported).</summary>
    public static DirectoryServiceFacts Of(Guid id, string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var parsed = JsonDocument.Parse(document);
        return From(new HsdsService(id, parsed.RootElement));
    }

    /// <summary>The facts of <paramref name="service"/>, which <see cref="HsdsServiceReader"/> has found valid.</summary>
    public static DirectoryServiceFacts From(HsdsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var document = service.Document;
        var organization = Object(document, "organization");
        var places = Array(document, "service_at_locations").Select(Place).ToList();
        var terms = Array(document, "attributes")
            .Select(a => Object(a, "taxonomy_term") is { } term ? Uuid(term, "id") : Uuid(a, "taxonomy_term_id"))
            .OfType<Guid>()
            .Distinct()
            .ToList();
        var languages = Array(document, "languages")
            .Concat(Array(document, "service_at_locations").SelectMany(sal => Object(sal, "location") is { } location ? Array(location, "languages") : []))
            .Select(l => Text(l, "code")?.ToLowerInvariant())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        return new DirectoryServiceFacts(
            service.Id,
            Uuid(document, "organization_id") ?? (organization is { } o ? Uuid(o, "id") : null),
            organization is { } named ? Text(named, "name") : null,
            Text(document, "name")!,
            Text(document, "status")!,
            Number(document, "minimum_age"),
            Number(document, "maximum_age"),
            DateOnly.TryParseExact(Text(document, "assured_date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var assured) ? assured : null,
            DateTimeOffset.TryParse(Text(document, "last_modified"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var modified) ? modified : null,
            CostOf(document),
            languages,
            terms,
            places,
            SearchTextOf(document, organization),
            RecordsOf(document, organization))
        {
            Openings = [.. Array(document, "schedules")
                .Concat(Array(document, "service_at_locations").SelectMany(sal => Array(sal, "schedules")))
                .SelectMany(OpeningsOf)
                .Distinct()
                .OrderBy(o => o.Day).ThenBy(o => o.Opens)],
            OnlineOnly = Array(document, "service_at_locations") is { Count: > 0 } sites
                && sites.All(sal => Object(sal, "location") is { } l && Text(l, "location_type") == "virtual"),
            Intake = ReferralIntake.Of(document),
            Areas = ServiceArea.Of(document),
        };
    }

    /// <summary>
    /// The weekly openings a schedule names: each day of its <c>byday</c> (RFC 5545: <c>MO,WE</c>, or every day when it
    /// names none) from <c>opens_at</c> to <c>closes_at</c>. A schedule without both times names none.
    /// </summary>
    private static IEnumerable<DirectoryOpening> OpeningsOf(JsonElement schedule)
    {
        if (!Time(Text(schedule, "opens_at"), out var opens) || !Time(Text(schedule, "closes_at"), out var closes) || closes <= opens)
        {
            yield break;
        }

        var days = (Text(schedule, "byday") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Length >= 2 ? d[^2..].ToUpperInvariant() : d) // "1MO" (the first Monday) is a Monday too
            .Select(d => d switch
            {
                "MO" => DayOfWeek.Monday,
                "TU" => DayOfWeek.Tuesday,
                "WE" => DayOfWeek.Wednesday,
                "TH" => DayOfWeek.Thursday,
                "FR" => DayOfWeek.Friday,
                "SA" => DayOfWeek.Saturday,
                "SU" => DayOfWeek.Sunday,
                _ => (DayOfWeek?)null,
            })
            .OfType<DayOfWeek>()
            .ToList();
        foreach (var day in days.Count > 0 ? days : [.. Enum.GetValues<DayOfWeek>()])
        {
            yield return new DirectoryOpening(day, opens, closes);
        }
    }

    private static bool Time(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm:ss", "HH:mm", "HH:mm:ssK", "HH:mmK", "HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The organization, taxonomy terms and taxonomies the service nests, each as its own record.</summary>
    private static List<HsdsRecord> RecordsOf(JsonElement document, JsonElement? organization)
    {
        var records = new List<HsdsRecord>();
        if (organization is { } o && Uuid(o, "id") is { } organizationId && Text(o, "name") is { Length: > 0 } organizationName)
        {
            records.Add(new HsdsRecord(
                HsdsRecord.Organization, organizationId, organizationName, null, Uuid(o, "parent_organization_id"), Words(o, "name", "alternate_name", "description"), o.GetRawText()));
        }

        foreach (var attribute in Array(document, "attributes"))
        {
            if (Object(attribute, "taxonomy_term") is not { } term || Uuid(term, "id") is not { } termId || Text(term, "name") is not { Length: > 0 } termName)
            {
                continue;
            }

            var taxonomy = Object(term, "taxonomy_detail");
            records.Add(new HsdsRecord(
                HsdsRecord.TaxonomyTerm,
                termId,
                termName,
                Uuid(term, "taxonomy_id") ?? (taxonomy is { } detail ? Uuid(detail, "id") : null),
                Uuid(term, "parent_id"),
                Words(term, "name", "code", "description"),
                term.GetRawText()));
            if (taxonomy is { } t && Uuid(t, "id") is { } taxonomyId && Text(t, "name") is { Length: > 0 } taxonomyName)
            {
                records.Add(new HsdsRecord(HsdsRecord.Taxonomy, taxonomyId, taxonomyName, null, null, Words(t, "name", "description"), t.GetRawText()));
            }
        }

        return records;
    }

    private static string Words(JsonElement element, params ReadOnlySpan<string> fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            Append(text, Text(element, field));
        }

        return text.ToString();
    }

    private static DirectoryPlace Place(JsonElement serviceAtLocation)
    {
        var location = Object(serviceAtLocation, "location");
        var latitude = location is { } l ? Coordinate(l, "latitude", 90) : null;
        var longitude = location is { } g ? Coordinate(g, "longitude", 180) : null;
        var address = location is { } a ? Array(a, "addresses").Cast<JsonElement?>().FirstOrDefault() : null;
        return new DirectoryPlace(
            Uuid(serviceAtLocation, "id") ?? Guid.Empty,
            location is { } withId ? Uuid(withId, "id") : Uuid(serviceAtLocation, "location_id"),
            location is { } named ? Text(named, "name") : null,
            latitude is not null && longitude is not null ? latitude : null,
            latitude is not null && longitude is not null ? longitude : null,
            address is { } postal ? Text(postal, "postal_code")?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() : null,
            address is { } city ? Text(city, "city") : null,
            location is { } accessible && Array(accessible, "accessibility").Any());
    }

    private static ServiceCost CostOf(JsonElement document)
    {
        var options = Array(document, "cost_options");
        if (options.Count > 0)
        {
            return options.Any(o => Number(o, "amount") is > 0) ? ServiceCost.Paid : ServiceCost.Free;
        }

        var fees = (Text(document, "fees_description") ?? Text(document, "fees"))?.Trim();
        if (string.IsNullOrEmpty(fees))
        {
            return ServiceCost.Unknown;
        }

        return fees.StartsWith("free", StringComparison.OrdinalIgnoreCase) || fees.StartsWith("gratuit", StringComparison.OrdinalIgnoreCase)
            ? ServiceCost.Free
            : ServiceCost.Paid;
    }

    /// <summary>The words a search looks in: names, descriptions, eligibility and the names of the taxonomy terms.</summary>
    private static string SearchTextOf(JsonElement document, JsonElement? organization)
    {
        var text = new StringBuilder();
        foreach (var field in (ReadOnlySpan<string>)["name", "alternate_name", "description", "eligibility_description"])
        {
            Append(text, Text(document, field));
        }

        Append(text, organization is { } o ? Text(o, "name") : null);
        foreach (var attribute in Array(document, "attributes"))
        {
            Append(text, Object(attribute, "taxonomy_term") is { } term ? Text(term, "name") : null);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(text.Length > 0 ? "\n" : string.Empty).Append(value.Trim());
        }
    }

    private static JsonElement? Object(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static IReadOnlyList<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Guid? Uuid(JsonElement element, string name) => Guid.TryParse(Text(element, name), out var id) ? id : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;

    private static double? Coordinate(JsonElement element, string name, double limit) =>
        Number(element, name) is { } value && Math.Abs(value) <= (decimal)limit ? (double)value : null;
}
