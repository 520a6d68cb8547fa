using System.Globalization;
using System.Text.Json;
using SocialPrescribing.CommunityDirectory.Services;

namespace SocialPrescribing.Documents;

/// <summary>What a program's HSDS record says of it, put into words for a document: what, where, when, cost, whom to contact.</summary>
public static class DocumentDirectory
{
    private const int MaxDescription = 400;

    /// <summary>The details of the service whose HSDS document is <paramref name="hsdsDocument"/>, in <paramref name="lang"/>.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static DocumentProgramDetails Details(string hsdsDocument, string lang)
    {
        ArgumentNullException.ThrowIfNull(hsdsDocument);
        var culture = DocumentLanguages.CultureOf(lang);
        var facts = DirectoryServiceFacts.Of(Guid.Empty, hsdsDocument);
        using var document = JsonDocument.Parse(hsdsDocument);
        var root = document.RootElement;
        var description = Text(root, "description");
        if (description is { Length: > MaxDescription })
        {
            description = description[..MaxDescription].TrimEnd() + "…";
        }

        return new DocumentProgramDetails(description, Where(root), When(facts, lang, culture), Cost(root, facts, lang), Contact(root));
    }

    private static string? Where(JsonElement service)
    {
        foreach (var place in Array(service, "service_at_locations"))
        {
            if (!place.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var parts = new List<string>();
            if (Text(location, "name") is { } name)
            {
                parts.Add(name);
            }

            if (Array(location, "addresses") is [{ ValueKind: JsonValueKind.Object } address, ..])
            {
                parts.AddRange(new[] { Text(address, "address_1"), Text(address, "city"), Text(address, "postal_code") }.OfType<string>());
            }

            if (parts.Count > 0)
            {
                return string.Join(", ", parts);
            }
        }

        return null;
    }

    private static string? When(DirectoryServiceFacts facts, string lang, CultureInfo culture)
    {
        if (facts.Openings.Count == 0)
        {
            return null;
        }

        return string.Join("; ", facts.Openings.Take(7).Select(o =>
        {
            var day = culture.DateTimeFormat.GetDayName(o.Day);
            return lang == DocumentLanguages.French
                ? $"{day}, {o.Opens.ToString("H' h 'mm", culture)} à {o.Closes.ToString("H' h 'mm", culture)}"
                : $"{day}, {o.Opens.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()} to {o.Closes.ToString("h:mm tt", CultureInfo.InvariantCulture).ToLowerInvariant()}";
        }));
    }

    private static string? Cost(JsonElement service, DirectoryServiceFacts facts, string lang)
    {
        var french = lang == DocumentLanguages.French;
        switch (facts.Cost)
        {
            case ServiceCost.Free:
                return french ? "gratuit" : "free";
            case ServiceCost.Paid:
                var amounts = Array(service, "cost_options")
                    .Select(o => o.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var amount) && amount > 0 ? amount : (decimal?)null)
                    .OfType<decimal>()
                    .Distinct()
                    .Order()
                    .Select(a => french ? a.ToString("0.##", CultureInfo.GetCultureInfo("fr-CA")) + " $" : "$" + a.ToString("0.##", CultureInfo.InvariantCulture))
                    .ToList();
                return amounts.Count > 0 ? string.Join(", ", amounts) : Text(service, "fees_description") ?? (french ? "payant" : "a fee");
            default:
                return Text(service, "fees_description");
        }
    }

    private static string? Contact(JsonElement service)
    {
        var phone = Array(service, "phones").Concat(Array(service, "service_at_locations").SelectMany(p => Array(p, "phones")))
            .Select(p => Text(p, "number")).OfType<string>().FirstOrDefault();
        var email = Text(service, "email");
        var parts = new[] { phone, email }.OfType<string>().ToList();
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static List<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : null;
}
