using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.ApiReference;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>
/// The tenant's community directory: <c>POST …/directory/imports</c> takes HSDS 3 services (tenant admins) and answers
/// with what went in and what was left out; <c>PUT …/directory/postal-codes</c> loads the postal-code centres searches
/// by distance start from; <see cref="HsdsApiFeature"/> serves the directory back as the HSDS 3 API does.
/// </summary>
internal static class DirectoryFeature
{
    public static RouteGroupBuilder MapDirectory(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/directory/imports", ImportAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ImportDirectoryServices")
            .WithTags("Directory")
            .WithSummary("Imports HSDS 3 services (a JSON array of service documents or an HSDS page of them, or the HSDS tabular package as a zip of its CSV tables): each record is checked against the HSDS 3 schemas, the valid ones are added or updated by id in one transaction, and the report names every record left out with the field and the reason (tenant admins).")
            .Accepts<JsonElement>("application/json", MediaTypeTransformer.Zip)
            .Produces<DirectoryImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tenant.MapPut("/directory/postal-codes", ImportPostalCodesAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ImportPostalCodes")
            .WithTags("Directory")
            .WithSummary("Loads the tenant's postal-code centres, the table a search by postcode measures distance from: CSV (text/csv) with a header naming code, latitude and longitude (decimal degrees), by whole postal code or forward sortation area (T5K); codes already there are replaced, rows at fault are named and left out (tenant admins).")
            .Accepts<string>("text/csv")
            .Produces<PostalCodeImportResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        tenant.MapHsds();
        tenant.MapCuration();
        tenant.MapDirectoryFeeds();
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

    private static async Task<IResult> ImportPostalCodesAsync(HttpContext http, DirectoryUseCases directory, IOptions<ApiOptions> options)
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) || !media.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(http.Request.ContentType);
        }

        var (csv, tooLarge) = await JsonBody.ReadLimitedAsync(http, options.Value.MaxImportBytes);
        if (csv is null)
        {
            return tooLarge!;
        }

        try
        {
            using (csv)
            using (var reader = new StreamReader(csv))
            {
                var report = await directory.ImportPostalCodesAsync(http.GetRequiredCaller(), reader, http.RequestAborted);
                return TypedResults.Ok(new PostalCodeImportResponse(
                    report.Received, report.Written, [.. report.Rejections.Select(r => new DirectoryRejectionResponse(r.Index, r.Id, r.Field, r.Reason))]));
            }
        }
        catch (HsdsFormatException ex)
        {
            return Problems.Field("$", ex.Message);
        }
    }
}
