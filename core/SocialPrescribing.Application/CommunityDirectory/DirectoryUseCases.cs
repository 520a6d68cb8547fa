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
        if (!caller.IsSystem && !caller.HasRole(AccessRoles.TenantAdmin) && !caller.HasRole(AccessRoles.Operator))
        {
            throw new AccessDeniedException("Importing into the directory is for the tenant's admins and operators.");
        }

        var batch = HsdsServiceReader.Read(import);
        var records = batch.Services.Select(service => Record(DirectoryServiceFacts.From(service), service.Document.GetRawText())).ToList();
        var written = await store.UpsertServicesAsync(caller.Tenant, records, time.GetUtcNow(), cancellationToken);
        return new DirectoryImportReport(batch.Received, written.Imported, written.Updated, written.Unchanged, batch.Rejections);
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

    private static DirectoryServiceRecord Record(DirectoryServiceFacts facts, string document) => new(
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
        document);
}
