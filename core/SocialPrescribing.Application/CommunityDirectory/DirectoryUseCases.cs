using System.Text.Json;
using SocialPrescribing.Application.Access;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory;

/// <summary>
/// The tenant's community directory: importing HSDS 3 services and reading them back. A directory holds programs,
/// not people, so reading it needs no record access and is not audited; changing it is for the tenant's admins (and
/// the host's own feeds).
/// </summary>
public sealed class DirectoryUseCases(IDirectoryStore store, TimeProvider time)
{
    /// <summary>
    /// Checks every record of an HSDS service import and writes the valid ones in one transaction, by id: the same
    /// import twice changes nothing the second time.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller is neither a tenant admin nor an operator.</exception>
    /// <exception cref="HsdsFormatException"><paramref name="import"/> is not an HSDS import at all.</exception>
    public async Task<DirectoryImportReport> ImportServicesAsync(Caller caller, JsonElement import, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireAdministration(caller, "Importing into the directory is for the tenant's admins and operators.");

        var batch = HsdsServiceReader.Read(import);
        var services = new List<DirectoryServiceRecord>(batch.Services.Count);
        // The organizations, terms and taxonomies the services nest, each once: the last service to nest one has the say.
        var related = new Dictionary<(string, Guid), DirectoryRecord>();
        foreach (var service in batch.Services)
        {
            var facts = DirectoryServiceFacts.From(service);
            services.Add(Record(facts, service.Document.GetRawText()));
            foreach (var nested in facts.Records)
            {
                related[(nested.Table, nested.Id)] = Record(nested);
            }
        }

        var written = await store.UpsertAsync(caller.Tenant, services, [.. related.Values], time.GetUtcNow(), cancellationToken);
        return new DirectoryImportReport(batch.Received, written.Services.Imported, written.Services.Updated, written.Services.Unchanged, batch.Rejections)
        {
            Related = written.Records,
        };
    }

    /// <summary>
    /// Loads the tenant's postal-code centres (the table a search by postal code measures distance from), adding or
    /// replacing them by code.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller is neither a tenant admin nor an operator.</exception>
    /// <exception cref="HsdsFormatException"><paramref name="csv"/> is not a postal-code table.</exception>
    public async Task<PostalCodeImportReport> ImportPostalCodesAsync(Caller caller, TextReader csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireAdministration(caller, "Loading postal codes is for the tenant's admins and operators.");
        var (codes, rejections) = PostalCodeTable.Read(csv);
        var written = 0;
        foreach (var chunk in codes.Chunk(10_000))
        {
            written += await store.UpsertPostalCodesAsync(caller.Tenant, [.. chunk.Select(c => new PostalCodeCentroid(c.Code, c.Latitude, c.Longitude))], cancellationToken);
        }

        return new PostalCodeImportReport(written + rejections.Select(r => r.Index).Distinct().Count(), written, rejections);
    }

    /// <summary>
    /// The circle of <paramref name="meters"/> around the centre of <paramref name="postalCode"/> in the tenant's table:
    /// the whole code if the table has it, else its forward sortation area; null when it has neither.
    /// </summary>
    public async Task<DirectoryArea?> AreaAroundAsync(Caller caller, string postalCode, double meters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(postalCode);
        var code = PostalCodeTable.Normalize(postalCode);
        if (code.Length is 0 or > DirectoryServiceLocation.MaxPostalCodeLength)
        {
            return null;
        }

        var centre = await store.FindPostalCodeAsync(caller.Tenant, code, cancellationToken);
        if (centre is null && PostalCodeTable.ForwardSortationArea(code) is { } area && area != code)
        {
            centre = await store.FindPostalCodeAsync(caller.Tenant, area, cancellationToken);
        }

        return centre is null ? null : new DirectoryArea(centre.Latitude, centre.Longitude, meters);
    }

    /// <summary>One service of the tenant's directory, or null.</summary>
    public Task<DirectoryServiceRecord?> FindServiceAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.FindServiceAsync(caller.Tenant, id, cancellationToken);
    }

    /// <summary>A page of the tenant's services.</summary>
    public Task<DirectoryServicePage> ListServicesAsync(Caller caller, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.ListServicesAsync(caller.Tenant, query, cancellationToken);
    }

    /// <summary>One service at one of its locations, or null.</summary>
    public Task<DirectoryServiceAtLocation?> FindServiceAtLocationAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.FindServiceAtLocationAsync(caller.Tenant, id, cancellationToken);
    }

    /// <summary>A page of the tenant's services at their locations.</summary>
    public Task<DirectoryServiceAtLocationPage> ListServiceAtLocationsAsync(Caller caller, DirectoryServiceQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.ListServiceAtLocationsAsync(caller.Tenant, query, cancellationToken);
    }

    /// <summary>One organization, taxonomy or taxonomy term, or null.</summary>
    public Task<DirectoryRecord?> FindRecordAsync(Caller caller, string kind, Guid id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.FindRecordAsync(caller.Tenant, kind, id, cancellationToken);
    }

    /// <summary>A page of the tenant's organizations, taxonomies or taxonomy terms.</summary>
    public Task<DirectoryRecordPage> ListRecordsAsync(Caller caller, DirectoryRecordQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return store.ListRecordsAsync(caller.Tenant, query, cancellationToken);
    }

    private static void RequireAdministration(Caller caller, string message)
    {
        if (!caller.IsSystem && !caller.HasRole(AccessRoles.TenantAdmin) && !caller.HasRole(AccessRoles.Operator))
        {
            throw new AccessDeniedException(message);
        }
    }

    /// <summary>The record the store keeps for an organization, taxonomy or term a service nests.</summary>
    public static DirectoryRecord Record(HsdsRecord nested) =>
        new(nested.Table, nested.Id, Clip(nested.Name), nested.TaxonomyId, nested.ParentId, nested.SearchText, nested.Document);

    private static string Clip(string name) => name.Length > DirectoryServiceRecord.MaxNameLength ? name[..DirectoryServiceRecord.MaxNameLength] : name;

    /// <summary>The row the store keeps for a service: its facts, where it is delivered, its terms, and its document.</summary>
    public static DirectoryServiceRecord Record(DirectoryServiceFacts facts, string document) => new(
        facts.Id,
        facts.OrganizationId,
        facts.Name,
        facts.Status,
        facts.MinimumAge,
        facts.MaximumAge,
        facts.Cost.ToString().ToLowerInvariant(),
        facts.AssuredDate,
        facts.LastModified,
        facts.SearchText,
        document)
    {
        Locations = [.. facts.Places.Where(p => p.ServiceAtLocationId != Guid.Empty).DistinctBy(p => p.ServiceAtLocationId)
            .Select(p => new DirectoryServiceLocation(p.ServiceAtLocationId, p.LocationId, p.Latitude, p.Longitude, p.PostalCode is { Length: <= DirectoryServiceLocation.MaxPostalCodeLength } code ? code : null))],
        TaxonomyTermIds = facts.TaxonomyTermIds,
    };
}
