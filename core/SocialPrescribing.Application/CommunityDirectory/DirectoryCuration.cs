using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Application.Access;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory;

/// <summary>A service as curation sees it: whether it was checked in the last year, and whether it takes referrals now.</summary>
public sealed record CuratedService(Guid Id, string Name, Guid? OrganizationId, string Status, DateOnly? AssuredDate, bool Unverified, ReferralIntake? Intake);

/// <summary>A page of curated services, by name, and how many there are in all.</summary>
public sealed record CuratedServicePage(IReadOnlyList<CuratedService> Items, int Total);

/// <summary>A change to the directory that cannot be made, with the request field at fault.</summary>
public sealed class DirectoryCurationException(string field, string message, bool conflict = false) : Exception(message)
{
    public string Field { get; } = field;

    /// <summary>True when the change clashes with what is there (a service created twice), not with the request's form.</summary>
    public bool Conflict { get; } = conflict;
}

/// <summary>
/// Link workers, supervisors and tenant admins keep the directory true: they add the local programs no feed lists and
/// edit them (whole HSDS 3 service documents, checked like an import), mark a service checked (its
/// <c>assured_date</c> becomes today), say whether it takes referrals and how many places it has, and list the services
/// not checked for <see cref="VerificationMonths"/> months. A feed that supplies a service replaces it at its next run.
/// </summary>
public sealed class DirectoryCuration(IDirectoryStore store, ITenantDirectory tenants, TimeProvider time)
{
    public const int VerificationMonths = 12;

    /// <summary>
    /// Adds a service (when <paramref name="id"/> is null) or replaces the one of <paramref name="id"/>; returns it as
    /// stored, or null when there is no service to replace.
    /// </summary>
    /// <exception cref="AccessDeniedException">The caller may not curate the directory.</exception>
    /// <exception cref="DirectoryCurationException">The document is not a valid HSDS 3 service, names another id, or the service exists (create) or does not (replace).</exception>
    public async Task<CuratedService?> SaveAsync(Caller caller, JsonElement document, Guid? id, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        if (document.ValueKind != JsonValueKind.Object)
        {
            throw new DirectoryCurationException("$", "A service is one HSDS 3 service document (a JSON object).");
        }

        var batch = HsdsServiceReader.Read(JsonSerializer.SerializeToElement(new[] { document }));
        if (batch.Rejections.Count > 0)
        {
            var first = batch.Rejections[0];
            throw new DirectoryCurationException(first.Field is "" ? "$" : first.Field, first.Reason);
        }

        var service = batch.Services[0];
        if (id is { } expected && service.Id != expected)
        {
            throw new DirectoryCurationException("/id", $"The document is the service {service.Id}, not {expected}.");
        }

        var existing = await store.FindServiceAsync(caller.Tenant, service.Id, cancellationToken);
        if (id is null && existing is not null)
        {
            throw new DirectoryCurationException("/id", $"The directory already has the service {service.Id}: change it with PUT.", conflict: true);
        }

        if (id is not null && existing is null)
        {
            return null;
        }

        return await WriteAsync(caller, service, cancellationToken);
    }

    /// <summary>Marks the service checked today; null when there is no such service.</summary>
    public Task<CuratedService?> VerifyAsync(Caller caller, Guid id, CancellationToken cancellationToken = default) =>
        ChangeAsync(caller, id, (document, today) =>
        {
            document["assured_date"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return document;
        }, cancellationToken);

    /// <summary>Sets whether the service takes referrals, keeps a waitlist, and its places; null when there is no such service.</summary>
    /// <exception cref="DirectoryCurationException">The places are negative, or more are available than there are.</exception>
    public Task<CuratedService?> SetIntakeAsync(Caller caller, Guid id, ReferralIntake intake, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        if (intake.AvailablePlaces is < 0)
        {
            throw new DirectoryCurationException("availablePlaces", "Places available cannot be negative.");
        }

        if (intake.MaximumPlaces is < 1)
        {
            throw new DirectoryCurationException("maximumPlaces", "A service with places has at least one.");
        }

        if (intake.AvailablePlaces > intake.MaximumPlaces)
        {
            throw new DirectoryCurationException("availablePlaces", "More places available than the service has.");
        }

        return ChangeAsync(caller, id, (document, today) => intake.WriteInto(document, id, today), cancellationToken);
    }

    /// <summary>The tenant's services by name with what curation needs; only those not checked for a year when <paramref name="unverifiedOnly"/>.</summary>
    public async Task<CuratedServicePage> ListAsync(Caller caller, bool unverifiedOnly, int page, int perPage, CancellationToken cancellationToken = default)
    {
        Demand(caller);
        var cutoff = Today(caller).AddMonths(-VerificationMonths);
        var all = new List<CuratedService>();
        for (var number = 1; ; number++)
        {
            var chunk = await store.ListServicesAsync(caller.Tenant, new DirectoryServiceQuery(number, DirectoryServiceQuery.MaxPerPage), cancellationToken);
            foreach (var service in chunk.Items)
            {
                if (!unverifiedOnly || service.AssuredDate is not { } assured || assured < cutoff)
                {
                    all.Add(Curated(service, cutoff));
                }
            }

            if (chunk.Items.Count < DirectoryServiceQuery.MaxPerPage)
            {
                break;
            }
        }

        return new CuratedServicePage([.. all.Skip((page - 1) * perPage).Take(perPage)], all.Count);
    }

    private async Task<CuratedService?> ChangeAsync(Caller caller, Guid id, Func<JsonObject, DateOnly, JsonObject> change, CancellationToken cancellationToken)
    {
        Demand(caller);
        if (await store.FindServiceAsync(caller.Tenant, id, cancellationToken) is not { } existing)
        {
            return null;
        }

        var changed = change(JsonNode.Parse(existing.Document)!.AsObject(), Today(caller));
        var batch = HsdsServiceReader.Read(JsonSerializer.SerializeToElement(new JsonArray(changed)));
        if (batch.Rejections.Count > 0)
        {
            throw new DirectoryCurationException(batch.Rejections[0].Field, batch.Rejections[0].Reason);
        }

        return await WriteAsync(caller, batch.Services[0], cancellationToken);
    }

    private async Task<CuratedService> WriteAsync(Caller caller, HsdsService service, CancellationToken cancellationToken)
    {
        var facts = DirectoryServiceFacts.From(service);
        var record = DirectoryUseCases.Record(facts, service.Document.GetRawText());
        await store.UpsertAsync(caller.Tenant, [record], [.. facts.Records.Select(DirectoryUseCases.Record)], time.GetUtcNow(), cancellationToken);
        return Curated((await store.FindServiceAsync(caller.Tenant, service.Id, cancellationToken))!, Today(caller).AddMonths(-VerificationMonths));
    }

    private static CuratedService Curated(DirectoryServiceRecord service, DateOnly cutoff) => new(
        service.Id,
        service.Name,
        service.OrganizationId,
        service.Status,
        service.AssuredDate,
        service.AssuredDate is not { } assured || assured < cutoff,
        DirectoryServiceFacts.Of(service.Id, service.Document).Intake);

    private DateOnly Today(Caller caller) =>
        BusinessCalendar.Today(time, tenants.TryGet(caller.Tenant, out var tenant) ? tenant : null);

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSystem && !new[] { AccessRoles.LinkWorker, AccessRoles.Supervisor, AccessRoles.ProgramManager, AccessRoles.TenantAdmin, AccessRoles.Operator }.Any(caller.HasRole))
        {
            throw new AccessDeniedException("Curating the directory is for link workers, supervisors, program managers and tenant admins.");
        }
    }
}
