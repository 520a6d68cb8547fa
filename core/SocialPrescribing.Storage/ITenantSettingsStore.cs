using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage;

/// <summary>A tenant's settings as stored: the document (JSON), its version (1 when created) and its last change.</summary>
/// <param name="Tenant">Whose settings.</param>
/// <param name="Settings">The settings document, JSON, as the host wrote it.</param>
/// <param name="Version">1 when the tenant was created, one more at each change.</param>
/// <param name="Source">Where the last change came from: <c>configuration</c> (seeded from the host's settings) or <c>api</c>.</param>
/// <param name="ChangedAt">When the last change was made.</param>
/// <param name="ChangedBy">Who made it: a user or client id, or <c>configuration</c>.</param>
public sealed record StoredTenantSettings(TenantId Tenant, string Settings, long Version, string Source, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>One recorded change of a tenant's settings: the document it left and what it changed.</summary>
/// <param name="Tenant">Whose settings.</param>
/// <param name="Version">The version this change made.</param>
/// <param name="Source">Where it came from (see <see cref="StoredTenantSettings.Source"/>).</param>
/// <param name="ChangedAt">When.</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="Changes">What changed, JSON: an array of <c>{"field", "from", "to"}</c>, as the host wrote it.</param>
/// <param name="Settings">The whole document after the change.</param>
public sealed record TenantSettingsChange(TenantId Tenant, long Version, string Source, DateTimeOffset ChangedAt, string ChangedBy, string Changes, string Settings);

/// <summary>
/// The tenants a deployment serves and their settings, kept in the database so that a province is added or changed
/// while the hosts run. Every change is kept whole beside the current document: who, when, from where, and what it
/// changed. Settings are a program's configuration, not anyone's personal information.
/// </summary>
public interface ITenantSettingsStore
{
    /// <summary>Every stored tenant's current settings, by tenant id.</summary>
    Task<IReadOnlyList<StoredTenantSettings>> ReadTenantSettingsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="change"/> as the tenant's current settings and records it, in one transaction, when the
    /// stored version is <paramref name="change"/>'s version minus one (a version 1 creates the tenant, which must not
    /// exist yet). Throws <see cref="StreamVersionConflictException"/>, writing nothing, when it is not.
    /// </summary>
    Task SaveTenantSettingsAsync(TenantSettingsChange change, CancellationToken cancellationToken = default);

    /// <summary>The recorded changes of <paramref name="tenant"/>'s settings, newest first.</summary>
    Task<IReadOnlyList<TenantSettingsChange>> ReadTenantSettingsChangesAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
