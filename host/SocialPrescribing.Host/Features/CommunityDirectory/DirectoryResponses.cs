using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialPrescribing.Application.CommunityDirectory;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>What an import did, and every record it left out with the field at fault.</summary>
internal sealed record DirectoryImportResponse(
    [property: Description("Records received.")] int Received,
    [property: Description("Services added to the directory.")] int Imported,
    [property: Description("Services already there whose document changed.")] int Updated,
    [property: Description("Services sent again unchanged.")] int Unchanged,
    [property: Description("Records left out.")] int Rejected,
    IReadOnlyList<DirectoryRejectionResponse> Rejections,
    [property: Description("What the import did to the organizations, taxonomies and taxonomy terms its services nest, each served on its own by the HSDS API.")] DirectoryRelatedResponse Related)
{
    public static DirectoryImportResponse From(DirectoryImportReport report) => new(
        report.Received,
        report.Imported,
        report.Updated,
        report.Unchanged,
        report.Rejected,
        [.. report.Rejections.Select(r => new DirectoryRejectionResponse(r.Index, r.Id, r.Field, r.Reason))],
        new DirectoryRelatedResponse(report.Related.Imported, report.Related.Updated, report.Related.Unchanged));
}

/// <summary>Organizations, taxonomies and taxonomy terms an import added, changed and found unchanged.</summary>
internal sealed record DirectoryRelatedResponse(int Imported, int Updated, int Unchanged);

/// <summary>What loading postal-code centres did.</summary>
internal sealed record PostalCodeImportResponse(
    [property: Description("Distinct codes received, kept or left out.")] int Received,
    [property: Description("Centres added or replaced.")] int Written,
    [property: Description("Rows left out, with the column at fault (/code, /latitude, /longitude); index counts data rows from 0.")] IReadOnlyList<DirectoryRejectionResponse> Rejections);

/// <summary>One fault of a record left out.</summary>
internal sealed record DirectoryRejectionResponse(
    [property: Description("The record's place in what was sent, from 0.")] int Index,
    [property: Description("The record's id, when it had one.")] string? Id,
    [property: Description("The field at fault, as a JSON Pointer into the record (\"\" for the record itself).")] string Field,
    [property: Description("Why.")] string Reason);

/// <summary>A page of an HSDS 3 list, with the Page fields the HSDS API defines.</summary>
internal sealed record HsdsPage(
    [property: JsonPropertyName("total_items")] long TotalItems,
    [property: JsonPropertyName("total_pages")] long TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents"), Description("HSDS 3 records.")] IReadOnlyList<JsonElement> Contents)
{
    public static HsdsPage Of(IReadOnlyList<JsonElement> contents, long total, int page, int perPage)
    {
        var pages = (total + perPage - 1) / perPage;
        return new HsdsPage(total, pages, page, contents.Count, page == 1, page >= pages, contents.Count == 0, contents);
    }
}
