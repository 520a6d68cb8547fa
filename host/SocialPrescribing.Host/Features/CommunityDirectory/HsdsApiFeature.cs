using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.CommunityDirectory.Hsds;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.ApiReference;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.CommunityDirectory;

/// <summary>
/// The tenant's directory as the HSDS 3 API serves it, at <c>/api/v1/tenants/{tenant}/hsds/</c>: the API's root,
/// services, services at their locations, organizations, taxonomies and taxonomy terms, each as a page (the HSDS Page
/// fields) or, with <c>format=ndjson</c>, as every record one a line.
/// </summary>
internal static class HsdsApiFeature
{
    public const int DefaultPerPage = 50;

    /// <summary>The HSDS version this API conforms to.</summary>
    public const string Version = "3.0";

    /// <summary>The HSDS profile: the base specification, no regional profile.</summary>
    public const string Profile = "https://docs.openreferral.org/en/3.0/";

    /// <summary>How many records an ndjson response reads from the store at a time.</summary>
    private const int StreamPage = 500;

    public static RouteGroupBuilder MapHsds(this RouteGroupBuilder tenant)
    {
        var hsds = tenant.MapGroup("/hsds").WithTags("HSDS").RequireAuthorization(AccessPolicies.Directory).WithMetadata(PublicDirectoryEndpoint.Instance);
        hsds.MapGet("/", Root)
            .WithName("GetHsdsRoot")
            .WithSummary("The HSDS API's root: its HSDS version, profile and the URL of its OpenAPI document.")
            .Produces<HsdsRoot>();
        hsds.List("/services", ListServicesAsync, "ListHsdsServices", "The tenant's services as an HSDS 3 page, by name: each one's one-to-one fields (full=true: whole; minimal=true: id and last_modified). Filters: search (every word, as the start of a word, accents and case aside, in names, descriptions, eligibility, the organization and taxonomy terms), taxonomy_term_id, taxonomy_id, organization_id, modified_after (changed in this directory after), postcode and proximity (delivered within proximity metres of the postal code's centre).");
        hsds.One("/services/{serviceId:guid}", FindServiceAsync, "GetHsdsService", "One service, the HSDS 3 document exactly as imported.");
        hsds.List("/service_at_locations", ListServiceAtLocationsAsync, "ListHsdsServiceAtLocations", "Each service at each of its locations, as an HSDS 3 page: the one-to-one fields with the location's and the service's (full=true: whole). The filters of /services; with a postcode, nearest first.");
        hsds.One("/service_at_locations/{serviceAtLocationId:guid}", FindServiceAtLocationAsync, "GetHsdsServiceAtLocation", "One service at one location, whole, with its location and its service.");
        hsds.List("/organizations", ListOrganizationsAsync, "ListHsdsOrganizations", "The organizations the tenant's services name, as an HSDS 3 page by name: one-to-one fields (full=true: whole, with their services' one-to-one fields; full_service=true: with their services whole).");
        hsds.One("/organizations/{organizationId:guid}", FindOrganizationAsync, "GetHsdsOrganization", "One organization whole, with its services' one-to-one fields (full_service=true: whole).").ProducesValidationProblem();
        hsds.List("/taxonomies", ListTaxonomiesAsync, "ListHsdsTaxonomies", "The taxonomies of the terms the tenant's services carry, as an HSDS 3 page by name.");
        hsds.One("/taxonomies/{taxonomyId:guid}", (HttpContext http, Guid taxonomyId, DirectoryUseCases directory) =>
                FindRecordAsync(http, directory, DirectoryRecordKinds.Taxonomy, taxonomyId, "No taxonomy with this id in this tenant's directory."), "GetHsdsTaxonomy", "One taxonomy.");
        hsds.List("/taxonomy_terms", ListTermsAsync, "ListHsdsTaxonomyTerms", "The taxonomy terms the tenant's services carry, as an HSDS 3 page by name: of one taxonomy (taxonomy_id), children of one term (parent_id), or only those with no parent (top_only=true).");
        hsds.One("/taxonomy_terms/{taxonomyTermId:guid}", (HttpContext http, Guid taxonomyTermId, DirectoryUseCases directory) =>
                FindRecordAsync(http, directory, DirectoryRecordKinds.TaxonomyTerm, taxonomyTermId, "No taxonomy term with this id in this tenant's directory."), "GetHsdsTaxonomyTerm", "One taxonomy term.");
        return tenant;
    }

    /// <summary>A list of records: an HSDS page as JSON, or every record as ndjson.</summary>
    private static RouteHandlerBuilder List(this RouteGroupBuilder hsds, string pattern, Delegate handler, string name, string summary) =>
        hsds.MapGet(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .Produces<HsdsPage>(StatusCodes.Status200OK, "application/json", MediaTypeTransformer.Ndjson)
            .ProducesValidationProblem();

    /// <summary>One record by id, or a 404.</summary>
    private static RouteHandlerBuilder One(this RouteGroupBuilder hsds, string pattern, Delegate handler, string name, string summary) =>
        hsds.MapGet(pattern, handler)
            .WithName(name)
            .WithSummary(summary)
            .Produces<JsonElement>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static Ok<HsdsRoot> Root(HttpContext http) =>
        TypedResults.Ok(new HsdsRoot(Version, Profile, $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/openapi/v1.json"));

    private static async Task<IResult> ListServicesAsync(HttpContext http, DirectoryUseCases directory, [AsParameters] HsdsServiceParameters parameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (query, ndjson) = await ServiceQueryAsync(http, directory, parameters, errors);
        var full = HsdsPageParameters.Flag(parameters.Full, "full", errors);
        var minimal = HsdsPageParameters.Flag(parameters.Minimal, "minimal", errors);
        return await RespondAsync(
            http,
            errors,
            query.Page,
            query.PerPage,
            ndjson,
            async (caller, page, perPage, cancellationToken) =>
            {
                var found = await directory.ListServicesAsync(caller, query with { Page = page, PerPage = perPage }, cancellationToken);
                return (found.Items.Select(s => ServiceShape(s, full, minimal)).ToList(), found.Total);
            });
    }

    private static async Task<IResult> FindServiceAsync(HttpContext http, Guid serviceId, DirectoryUseCases directory) =>
        await directory.FindServiceAsync(http.GetDirectoryReader(), serviceId, http.RequestAborted) is { } service
            ? TypedResults.Text(service.Document, "application/json")
            : Problems.NotFound("No service with this id in this tenant's directory.");

    private static async Task<IResult> ListServiceAtLocationsAsync(HttpContext http, DirectoryUseCases directory, [AsParameters] HsdsServiceParameters parameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (query, ndjson) = await ServiceQueryAsync(http, directory, parameters, errors);
        var full = HsdsPageParameters.Flag(parameters.Full, "full", errors);
        if (parameters.Minimal is not null)
        {
            errors["minimal"] = ["Services at locations have no minimal form."];
        }

        return await RespondAsync(
            http,
            errors,
            query.Page,
            query.PerPage,
            ndjson,
            async (caller, page, perPage, cancellationToken) =>
            {
                var found = await directory.ListServiceAtLocationsAsync(caller, query with { Page = page, PerPage = perPage }, cancellationToken);
                return (found.Items.Select(p => ServiceAtLocationShape(p, full)).OfType<JsonNode>().ToList(), found.Total);
            });
    }

    private static async Task<IResult> FindServiceAtLocationAsync(HttpContext http, Guid serviceAtLocationId, DirectoryUseCases directory) =>
        await directory.FindServiceAtLocationAsync(http.GetDirectoryReader(), serviceAtLocationId, http.RequestAborted) is { } found
        && ServiceAtLocationShape(found, full: true) is { } shaped
            ? Json(shaped)
            : Problems.NotFound("No service at a location with this id in this tenant's directory.");

    private static async Task<IResult> ListOrganizationsAsync(HttpContext http, DirectoryUseCases directory, [AsParameters] HsdsOrganizationParameters parameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size, ndjson) = parameters.Read(errors);
        var full = HsdsPageParameters.Flag(parameters.Full, "full", errors);
        var fullService = HsdsPageParameters.Flag(parameters.FullService, "full_service", errors);
        return await RespondAsync(
            http,
            errors,
            number,
            size,
            ndjson,
            async (caller, page, perPage, cancellationToken) =>
            {
                var found = await directory.ListRecordsAsync(caller, new DirectoryRecordQuery(DirectoryRecordKinds.Organization, page, perPage, parameters.Search), cancellationToken);
                var items = new List<JsonNode>(found.Items.Count);
                foreach (var organization in found.Items)
                {
                    items.Add(full || fullService
                        ? await OrganizationWithServicesAsync(caller, directory, organization, fullService, cancellationToken)
                        : HsdsShapes.OneToOne(Parse(organization.Document)));
                }

                return (items, found.Total);
            });
    }

    private static async Task<IResult> FindOrganizationAsync(HttpContext http, Guid organizationId, DirectoryUseCases directory, [FromQuery(Name = "full_service")] string? fullService)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var whole = HsdsPageParameters.Flag(fullService, "full_service", errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var caller = http.GetDirectoryReader();
        return await directory.FindRecordAsync(caller, DirectoryRecordKinds.Organization, organizationId, http.RequestAborted) is { } organization
            ? Json(await OrganizationWithServicesAsync(caller, directory, organization, whole, http.RequestAborted))
            : Problems.NotFound("No organization with this id in this tenant's directory.");
    }

    private static async Task<IResult> ListTaxonomiesAsync(HttpContext http, DirectoryUseCases directory, [AsParameters] HsdsPageParameters parameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size, ndjson) = parameters.Read(errors);
        return await ListRecordsAsync(http, directory, errors, new DirectoryRecordQuery(DirectoryRecordKinds.Taxonomy, number, size, parameters.Search), ndjson);
    }

    private static async Task<IResult> ListTermsAsync(HttpContext http, DirectoryUseCases directory, [AsParameters] HsdsTermParameters parameters)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (number, size, ndjson) = parameters.Read(errors);
        var taxonomy = HsdsPageParameters.Id(parameters.TaxonomyId, "taxonomy_id", errors);
        var parent = HsdsPageParameters.Id(parameters.ParentId, "parent_id", errors);
        var topOnly = HsdsPageParameters.Flag(parameters.TopOnly, "top_only", errors);
        if (topOnly && parent is not null)
        {
            errors["top_only"] = ["Terms with no parent have no parent_id to name."];
        }

        return await ListRecordsAsync(http, directory, errors, new DirectoryRecordQuery(DirectoryRecordKinds.TaxonomyTerm, number, size, parameters.Search, taxonomy, parent, topOnly), ndjson);
    }

    private static async Task<IResult> ListRecordsAsync(HttpContext http, DirectoryUseCases directory, Dictionary<string, string[]> errors, DirectoryRecordQuery query, bool ndjson)
    {
        return await RespondAsync(
            http,
            errors,
            query.Page,
            query.PerPage,
            ndjson,
            async (caller, page, perPage, cancellationToken) =>
            {
                var found = await directory.ListRecordsAsync(caller, query with { Page = page, PerPage = perPage }, cancellationToken);
                return (found.Items.Select(r => (JsonNode)JsonNode.Parse(r.Document)!).ToList(), found.Total);
            });
    }

    private static async Task<IResult> FindRecordAsync(HttpContext http, DirectoryUseCases directory, string kind, Guid id, string missing) =>
        await directory.FindRecordAsync(http.GetDirectoryReader(), kind, id, http.RequestAborted) is { } record
            ? TypedResults.Text(record.Document, "application/json")
            : Problems.NotFound(missing);

    /// <summary>The filters of a list of services, read, with the postcode turned into an area by the tenant's postal-code table.</summary>
    private static async Task<(DirectoryServiceQuery Query, bool Ndjson)> ServiceQueryAsync(
        HttpContext http, DirectoryUseCases directory, HsdsServiceParameters parameters, Dictionary<string, string[]> errors)
    {
        var (page, perPage, ndjson) = parameters.Read(errors);
        DateTimeOffset? after = null;
        if (parameters.ModifiedAfter is not null)
        {
            if (DateTimeOffset.TryParse(parameters.ModifiedAfter, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                after = parsed;
            }
            else
            {
                errors["modified_after"] = ["A date and time (RFC 3339), for example 2026-12-01T00:00:00Z."];
            }
        }

        var organization = HsdsPageParameters.Id(parameters.OrganizationId, "organization_id", errors);
        var term = HsdsPageParameters.Id(parameters.TaxonomyTermId, "taxonomy_term_id", errors);
        var taxonomy = HsdsPageParameters.Id(parameters.TaxonomyId, "taxonomy_id", errors);
        DirectoryArea? near = null;
        var meters = HsdsServiceParameters.DefaultProximityMeters;
        if (parameters.Proximity is not null)
        {
            if (parameters.Postcode is null)
            {
                errors["proximity"] = ["Proximity is measured from a postcode: name one."];
            }
            else if (!double.TryParse(parameters.Proximity, NumberStyles.Float, CultureInfo.InvariantCulture, out meters) || !double.IsFinite(meters) || meters <= 0 || meters > DirectoryArea.MaxMeters)
            {
                errors["proximity"] = [$"Metres, more than 0 and at most {DirectoryArea.MaxMeters:N0}."];
            }
        }

        if (parameters.Postcode is not null && !errors.ContainsKey("proximity"))
        {
            near = await directory.AreaAroundAsync(http.GetDirectoryReader(), parameters.Postcode, meters, http.RequestAborted);
            if (near is null)
            {
                errors["postcode"] = ["This tenant's postal-code table has no centre for this postal code or its area (tenant admins load it with PUT …/directory/postal-codes)."];
            }
        }

        return (new DirectoryServiceQuery(page, perPage, after, organization, parameters.Search, term, taxonomy, near), ndjson);
    }

    /// <summary>
    /// A 400 naming every parameter at fault; else a page of records in the HSDS Page shape, or, for ndjson, every record from the first page on, one a line,
    /// read from the store a page at a time as the client takes them.
    /// </summary>
    private static async Task<IResult> RespondAsync(
        HttpContext http,
        Dictionary<string, string[]> errors,
        int page,
        int perPage,
        bool ndjson,
        Func<Caller, int, int, CancellationToken, Task<(List<JsonNode> Items, long Total)>> pageOf)
    {
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var caller = http.GetDirectoryReader();
        Task<(List<JsonNode> Items, long Total)> read(int number, int size, CancellationToken cancellationToken) => pageOf(caller, number, size, cancellationToken);
        if (!ndjson)
        {
            var (items, total) = await read(page, perPage, http.RequestAborted);
            return TypedResults.Ok(HsdsPage.Of([.. items.Select(i => JsonSerializer.SerializeToElement(i))], total, page, perPage));
        }

        // The first page is read before the response starts, so that a failing store is still a problem document.
        var first = await read(1, StreamPage, http.RequestAborted);
        return TypedResults.Stream(
            async body =>
            {
                var (items, total) = first;
                var number = 1;
                while (true)
                {
                    foreach (var item in items)
                    {
                        await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(item), http.RequestAborted);
                        await body.WriteAsync("\n"u8.ToArray(), http.RequestAborted);
                    }

                    if ((long)number * StreamPage >= total || items.Count == 0)
                    {
                        break;
                    }

                    number++;
                    (items, total) = await read(number, StreamPage, http.RequestAborted);
                }
            },
            MediaTypeTransformer.Ndjson);
    }

    private static JsonNode ServiceShape(DirectoryServiceRecord service, bool full, bool minimal)
    {
        if (minimal)
        {
            var shaped = new JsonObject { ["id"] = service.Id.ToString() };
            if (service.LastModified is { } modified)
            {
                shaped["last_modified"] = modified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            }

            return shaped;
        }

        return full ? JsonNode.Parse(service.Document)! : HsdsShapes.OneToOne(Parse(service.Document));
    }

    private static JsonObject? ServiceAtLocationShape(DirectoryServiceAtLocation found, bool full)
    {
        var shaped = HsdsShapes.ServiceAtLocation(Parse(found.Service.Document), found.Location.Id, full);
        if (shaped is not null && found.DistanceMeters is { } distance)
        {
            // Not an HSDS field: how far the search's postal code is, in whole metres.
            shaped["distance"] = Math.Round(distance);
        }

        return shaped;
    }

    /// <summary>An organization whole, with every one of its services (their one-to-one fields, or whole).</summary>
    private static async Task<JsonObject> OrganizationWithServicesAsync(Caller caller, DirectoryUseCases directory, DirectoryRecord organization, bool fullServices, CancellationToken cancellationToken)
    {
        var shaped = JsonNode.Parse(organization.Document)!.AsObject();
        var services = new JsonArray();
        for (var page = 1; ; page++)
        {
            var found = await directory.ListServicesAsync(caller, new DirectoryServiceQuery(page, DirectoryServiceQuery.MaxPerPage, OrganizationId: organization.Id), cancellationToken);
            foreach (var service in found.Items)
            {
                services.Add(HsdsShapes.ServiceOfOrganization(Parse(service.Document), fullServices));
            }

            if ((long)page * DirectoryServiceQuery.MaxPerPage >= found.Total)
            {
                break;
            }
        }

        shaped["services"] = services;
        return shaped;
    }

    private static JsonElement Parse(string document) => JsonSerializer.Deserialize<JsonElement>(document);

    private static ContentHttpResult Json(JsonNode node) => TypedResults.Text(node.ToJsonString(), "application/json");
}

/// <summary>The root of the HSDS API.</summary>
internal sealed record HsdsRoot(
    [property: System.Text.Json.Serialization.JsonPropertyName("version")] string Version,
    [property: System.Text.Json.Serialization.JsonPropertyName("profile")] string Profile,
    [property: System.Text.Json.Serialization.JsonPropertyName("openapi_url")] string OpenapiUrl);
