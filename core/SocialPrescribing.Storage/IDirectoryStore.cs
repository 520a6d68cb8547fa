using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>
/// Each tenant's community directory: HSDS 3 service documents, each kept whole beside the facts a search needs, by
/// tenant and id. Every call is scoped to one tenant; no tenant ever reads another's directory.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>
    /// Writes <paramref name="services"/> in one transaction, by id: a new id is added, a known id whose document
    /// changed is replaced (its <see cref="DirectoryServiceRecord.UpdatedAt"/> becomes <paramref name="at"/>), and
    /// one whose document is the same is left as it is, so an import sent twice changes nothing the second time.
    /// </summary>
    Task<DirectoryUpsert> UpsertServicesAsync(TenantId tenant, IReadOnlyList<DirectoryServiceRecord> services, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>One service of the tenant's directory; null when it has none with that id.</summary>
    Task<DirectoryServiceRecord?> FindServiceAsync(TenantId tenant, Guid id, CancellationToken cancellationToken = default);

    /// <summary>A page of the tenant's services, by name then id, with how many match in all.</summary>
    Task<DirectoryServicePage> ListServicesAsync(TenantId tenant, DirectoryServiceQuery query, CancellationToken cancellationToken = default);
}
