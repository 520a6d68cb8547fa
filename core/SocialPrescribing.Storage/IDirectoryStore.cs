using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// Each tenant's community directory: HSDS 3 service documents, each kept whole beside the facts a search needs, by
/// tenant and id. Every call is scoped to one tenant; no tenant ever reads another's directory.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>
    /// Writes <paramref name="services"/> and <paramref name="records"/> (organizations, taxonomies, taxonomy terms) in
    /// one transaction, by kind and id: a new id is added, a known id whose document changed is replaced (its
    /// <c>UpdatedAt</c> becomes <paramref name="at"/>, and a service's locations and terms become the ones sent), and
    /// one whose document is the same is left as it is, so an import sent twice changes nothing the second time.
    /// </summary>
    Task<DirectoryWrite> UpsertAsync(
        TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, IReadOnlyList<DirectoryRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Writes services alone, as <see cref="UpsertAsync"/> does.</summary>
    async Task<DirectoryUpsert> UpsertServicesAsync(TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await UpsertAsync(tenant, services, [], at, cancellationToken)).Services;

    /// <summary>Writes organizations, taxonomies and taxonomy terms alone, as <see cref="UpsertAsync"/> does.</summary>
    async Task<DirectoryUpsert> UpsertRecordsAsync(TenantId tenant, IReadOnlyList<DirectoryRecord> records, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await UpsertAsync(tenant, [], records, at, cancellationToken)).Records;

    /// <summary>One service of the tenant's directory; null when it has none with that id.</summary>
    Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default);

    /// <summary>A page of the tenant's services, by name then id, with how many match in all.</summary>
    Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// A page of the tenant's services at each of their locations, with the same filters as
    /// <see cref="ListServicesAsync"/>: nearest first when the query names an area (and only those in it), otherwise
    /// by service name, then id.
    /// </summary>
    Task<DirectoryServiceAtLocationPage> ListServiceAtLocationsAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default);

    /// <summary>One service at one of its locations; null when the tenant's directory has none with that id.</summary>
    Task<DirectoryServiceAtLocation?> FindServiceAtLocationAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default);

    /// <summary>The services a match starts from (<see cref="DirectoryCandidateQuery"/>), in no particular order, each once.</summary>
    Task<IReadOnlyList<DirectoryServiceRecord>> FindCandidatesAsync(TenantId tenant, DirectoryCandidateQuery query, CancellationToken cancellationToken = default);

    /// <summary>One record of the kind; null when the tenant's directory has none with that id.</summary>
    Task<DirectoryRecord?> FindRecordAsync(TenantId tenant, string kind, Guid id, CancellationToken cancellationToken = default);

    /// <summary>A page of the tenant's records of one kind, by name then id, with how many match in all.</summary>
    Task<DirectoryRecordPage> ListRecordsAsync(TenantId tenant, DirectoryRecordQuery query, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the tenant's postal-code centres, by code; returns how many it wrote.</summary>
    Task<int> UpsertPostalCodesAsync(TenantId tenant, IReadOnlyList<PostalCodeCentroid> centroids, CancellationToken cancellationToken = default);

    /// <summary>The centre of one of the tenant's postal codes; null when it has none for that code.</summary>
    Task<PostalCodeCentroid?> FindPostalCodeAsync(TenantId tenant, string code, CancellationToken cancellationToken = default);
}
