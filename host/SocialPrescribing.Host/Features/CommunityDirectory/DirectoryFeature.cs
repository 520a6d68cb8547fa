using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.ApiReference;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>
/// The tenant's community directory: <c>POST …/directory/imports</c> takes HSDS 3 services (tenant admins) and answers
/// with what went in and what was left out; <c>GET …/hsds/services[/{id}]</c> serves them back as the HSDS 3 API does.
/// </summary>
internal static class DirectoryFeature
{
    public const int DefaultPerPage = 50;

    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/directory/imports", ImportAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ImportDirectoryServices")
            .WithTags("Directory")
            .WithSummary("Imports HSDS 3 services (a JSON array of service documents or an HSDS page of them, or the HSDS tabular package as a zip of its CSV tables): each record is checked against the HSDS 3 schemas, the valid ones are added or updated by id in one transaction, and the report names every record left out with the field and the reason (tenant admins).")
            .Accepts<JsonElement>("application/json", BinaryBodyTransformer.Zip)
            .Produces<DirectoryImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        var hsds = tenant.MapGroup("/hsds").WithTags("HSDS").RequireAuthorization(AccessPolicies.Member);
        hsds.MapGet("/services", ListAsync)
            .WithName("ListHsdsServices")
            .WithSummary("The tenant's services as an HSDS 3 page, by name: search (every word, as the start of a word, accents and case aside, in names, descriptions, eligibility, the organization and taxonomy terms), page and per_page (1 to 1,000), modified_after (changed in this directory after), organization_id.")
            .Produces<HsdsPage>()
            .ProducesValidationProblem();
        hsds.MapGet("/services/{serviceId:guid}", FindAsync)
            .WithName("GetHsdsService")
            .WithSummary("One service, the HSDS 3 document exactly as imported.")
            .Produces<JsonElement>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> ImportAsync(HttpContext http, DirectoryUseCases directory, IOptions<ApiOptions> options)
    {
        var limit = options.Value.MaxImportBytes;
        try
        {
            if (IsZip(http.Request.ContentType))
            {
                var (zip, tooLarge) = await JsonBody.ReadLimitedAsync(http, limit);
                if (zip is null)
                {
                    return tooLarge!;
                }

                using (zip)
                {
                    return await ImportServicesAsync(http, directory, HsdsTabularPackage.Read(zip));
                }
            }

            var (document, problem) = await JsonBody.ReadDocumentAsync(http, limit);
            if (document is null)
            {
                return problem!;
            }

            using (document)
            {
                return await ImportServicesAsync(http, directory, document.RootElement);
            }
        }
        catch (HsdsFormatException ex)
        {
            return Problems.Field("$", ex.Message);
        }
    }

    private static async Task<IResult> ImportServicesAsync(HttpContext http, DirectoryUseCases directory, JsonElement services) =>
        TypedResults.Ok(DirectoryImportResponse.From(await directory.ImportServicesAsync(http.GetRequiredCaller(), services, http.RequestAborted)));

    private static bool IsZip(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/zip", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> ListAsync(
        HttpContext http,
        DirectoryUseCases directory,
        [Range(1, int.MaxValue), DefaultValue("1")] string? page,
        [Range(1, DirectoryServiceQuery.MaxPerPage), DefaultValue("50")] string? per_page,
        string? modified_after,
        string? organization_id,
        string? search)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = Whole(page, "page", 1, int.MaxValue, 1, errors);
        var size = Whole(per_page, "per_page", 1, DirectoryServiceQuery.MaxPerPage, DefaultPerPage, errors);
        DateTimeOffset? after = null;
        if (modified_after is not null)
        {
            if (DateTimeOffset.TryParse(modified_after, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["modified_after"] = ["A date and time (RFC 3339), for example 2026-12-01T00:00:00Z."];
            }
        }

        Guid? organization = null;
        if (organization_id is not null)
        {
            if (Guid.TryParse(organization_id, out var id))
            {
                organization = id;
            }
            else
            {
                errors["organization_id"] = ["An organization's id (a UUID)."];
            }
        }

        if (search is { Length: > DirectoryServiceQuery.MaxSearchLength })
        {
            errors["search"] = [$"At most {DirectoryServiceQuery.MaxSearchLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var found = await directory.ListServicesAsync(
            http.GetRequiredCaller(), new DirectoryServiceQuery(number, size, after, organization, search), http.RequestAborted);
        var contents = found.Items.Select(s => JsonSerializer.Deserialize<JsonElement>(s.Document)).ToList();
        return TypedResults.Ok(HsdsPage.Of(contents, found.Total, number, size));
    }

    private static async Task<IResult> FindAsync(HttpContext http, Guid serviceId, DirectoryUseCases directory) =>
        await directory.FindServiceAsync(http.GetRequiredCaller(), serviceId, http.RequestAborted) is { } service
            ? TypedResults.Text(service.Document, "application/json")
            : Problems.NotFound("No service with this id in this tenant's directory.");

    private static int Whole(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
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
}
