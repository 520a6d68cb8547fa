using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>
/// The query parameters every HSDS list takes. They arrive as text and are read here, so that a bad one is a 400
/// naming it rather than the framework's bare 400.
/// </summary>
internal class HsdsPageParameters
{
    [Description("Every word, as the start of a word, accents and case aside.")]
    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    [Description("The page, from 1.")]
    [DefaultValue("1")]
    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    [Description("Records a page, 1 to 1,000.")]
    [DefaultValue("50")]
    [FromQuery(Name = "per_page")]
    public string? PerPage { get; set; }

    [Description("json (a page, the default) or ndjson (every record, one JSON document a line, without pages).")]
    [FromQuery(Name = "format")]
    public string? Format { get; set; }

    /// <summary>The parameters read, with each one at fault named in <paramref name="errors"/>.</summary>
    public (int Page, int PerPage, bool Ndjson) Read(Dictionary<string, string[]> errors)
    {
        if (Search is { Length: > DirectoryServiceQuery.MaxSearchLength })
        {
            errors["search"] = [$"At most {DirectoryServiceQuery.MaxSearchLength} characters."];
        }

        var ndjson = false;
        if (Format is not null)
        {
            if (Format is "ndjson")
            {
                ndjson = true;
            }
            else if (Format is not "json")
            {
                errors["format"] = ["json or ndjson."];
            }
        }

        return (Whole(Page, "page", 1, int.MaxValue, 1, errors), Whole(PerPage, "per_page", 1, DirectoryServiceQuery.MaxPerPage, HsdsApiFeature.DefaultPerPage, errors), ndjson);
    }

    public static int Whole(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"A whole number from {min} to {max}."];
        return fallback;
    }

    public static bool Flag(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors[name] = ["true or false."];
        return false;
    }

    public static Guid? Id(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        errors[name] = ["An id (a UUID)."];
        return null;
    }
}

/// <summary>What lists of services, and of services at their locations, take besides a page.</summary>
internal sealed class HsdsServiceParameters : HsdsPageParameters
{
    /// <summary>How far a search by postcode reaches when it names no proximity.</summary>
    public const double DefaultProximityMeters = 25_000;

    [Description("Services with this taxonomy term.")]
    [FromQuery(Name = "taxonomy_term_id")]
    public string? TaxonomyTermId { get; set; }

    [Description("Services with any term of this taxonomy.")]
    [FromQuery(Name = "taxonomy_id")]
    public string? TaxonomyId { get; set; }

    [Description("Services of this organization.")]
    [FromQuery(Name = "organization_id")]
    public string? OrganizationId { get; set; }

    [Description("Services changed in this directory after this date and time (RFC 3339).")]
    [FromQuery(Name = "modified_after")]
    public string? ModifiedAfter { get; set; }

    [Description("Services delivered within proximity of the centre of this postal code (or of its forward sortation area), by the tenant's postal-code table; services at locations come nearest first.")]
    [FromQuery(Name = "postcode")]
    public string? Postcode { get; set; }

    [Description("Metres from the centre of postcode; 25,000 when a postcode comes without it.")]
    [FromQuery(Name = "proximity")]
    public string? Proximity { get; set; }

    [Description("true: each service whole, with every nested object.")]
    [FromQuery(Name = "full")]
    public string? Full { get; set; }

    [Description("true (services only): just each service's id and last_modified.")]
    [FromQuery(Name = "minimal")]
    public string? Minimal { get; set; }
}

/// <summary>What the list of organizations takes besides a page.</summary>
internal sealed class HsdsOrganizationParameters : HsdsPageParameters
{
    [Description("true: each organization whole, with its services' one-to-one fields.")]
    [FromQuery(Name = "full")]
    public string? Full { get; set; }

    [Description("true: each organization whole, with its services whole.")]
    [FromQuery(Name = "full_service")]
    public string? FullService { get; set; }
}

/// <summary>What the list of taxonomy terms takes besides a page.</summary>
internal sealed class HsdsTermParameters : HsdsPageParameters
{
    [Description("Terms of this taxonomy.")]
    [FromQuery(Name = "taxonomy_id")]
    public string? TaxonomyId { get; set; }

    [Description("Terms whose parent is this term.")]
    [FromQuery(Name = "parent_id")]
    public string? ParentId { get; set; }

    [Description("true: only terms with no parent.")]
    [FromQuery(Name = "top_only")]
    public string? TopOnly { get; set; }
}
