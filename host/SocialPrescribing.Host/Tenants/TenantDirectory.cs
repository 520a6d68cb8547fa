using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Tenants;

/// <summary>
/// The tenants this host serves, as one immutable snapshot swapped whole when a tenant is created or changed: a
/// request reads one consistent set of settings, and no reader ever waits on a writer. It starts from configuration,
/// validated at once (a typo stops the host naming the tenant and key); <c>TenantProvisioning</c> then brings
/// in the tenants stored in the database and every later change.
/// </summary>
internal sealed class TenantDirectory : ITenantDirectory, ITenantChanges
{
    private readonly Lock _writing = new();
    private volatile FrozenDictionary<TenantId, (TenantSettings Settings, long Version)> _tenants;

    public TenantDirectory(IOptions<Dictionary<string, TenantOptions>> options)
    {
        var errors = new List<string>();
        var tenants = new Dictionary<TenantId, (TenantSettings, long)>();
        foreach (var (key, value) in options.Value)
        {
            if (TenantSettingsRules.TryBuild(key, value, errors) is { } settings)
            {
                tenants[settings.Id] = (settings, 0);
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Tenants", typeof(TenantOptions), errors);
        }

        _tenants = tenants.ToFrozenDictionary();
    }

    public event Action<TenantSettings>? Changed;

    public IReadOnlyCollection<TenantSettings> All => [.. _tenants.Values.Select(t => t.Settings)];

    public bool TryGet(TenantId id, [NotNullWhen(true)] out TenantSettings? settings)
    {
        settings = _tenants.TryGetValue(id, out var entry) ? entry.Settings : null;
        return settings is not null;
    }

    /// <summary>The stored version this host serves of the tenant's settings (0 when they come from configuration and were not stored yet), or null.</summary>
    public long? VersionOf(TenantId id) => _tenants.TryGetValue(id, out var entry) ? entry.Version : null;

    /// <summary>Serves <paramref name="settings"/> at <paramref name="version"/> from now on, unless a newer version is served already.</summary>
    public void Put(TenantSettings settings, long version)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_writing)
        {
            if (_tenants.TryGetValue(settings.Id, out var current) && current.Version >= version && version > 0)
            {
                return;
            }

            var next = new Dictionary<TenantId, (TenantSettings, long)>(_tenants) { [settings.Id] = (settings, version) };
            _tenants = next.ToFrozenDictionary();
        }

        Changed?.Invoke(settings);
    }
}
