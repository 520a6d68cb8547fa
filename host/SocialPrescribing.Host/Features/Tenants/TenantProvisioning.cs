using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Assessments;
using SocialPrescribing.Host.Tenants;
using SocialPrescribing.Plugins;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Tenants;

/// <summary>What a change of a tenant's settings came to: the stored version, or the problems that refused it.</summary>
internal sealed record TenantSettingsOutcome(StoredTenantSettings? Saved, IReadOnlyDictionary<string, string[]>? Problems, bool Conflict)
{
    public static TenantSettingsOutcome Refused(IReadOnlyDictionary<string, string[]> problems) => new(null, problems, false);
}

/// <summary>
/// Tenants created and changed while the hosts run. A change is checked by the same rules as start-up, stored with
/// what it changed and who made it, and served by this host at once; the other hosts of the deployment take it up at
/// their next look at the database (<see cref="TenantSettingsSync"/>).
/// </summary>
internal sealed partial class TenantProvisioning(
    ITenantSettingsStore store,
    TenantDirectory directory,
    IPluginCatalog catalog,
    AssessmentCatalog assessments,
    IOptions<Dictionary<string, TenantOptions>> configured,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TenantProvisioning> logger)
{
    private readonly Lock _serving = new();

    /// <summary>Each tenant's plugins as the catalogue serves them: at first as configuration gave them at start-up.</summary>
    private readonly Dictionary<TenantId, string> _servedPlugins = configured.Value.Keys.ToDictionary(
        TenantId.Parse, key => TenantSettingsDocument.From(new TenantOptions(), configuration.GetSection($"Tenants:{key}:Plugins")).PluginsJson());

    public const string FromConfiguration = "configuration";
    public const string FromApi = "api";

    /// <summary>
    /// Seeds the tenants of configuration into the database and serves every stored tenant. A tenant configured and
    /// never changed at run time follows its configuration (a changed setting is stored as a change by
    /// <c>configuration</c>); once changed through the API, the stored settings win and configuration is only a seed.
    /// </summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var stored = (await store.ReadTenantSettingsAsync(cancellationToken)).ToDictionary(t => t.Tenant);
        foreach (var (key, options) in configured.Value)
        {
            var id = TenantId.Parse(key);
            var json = ConfiguredDocument(key, options).ToJson();
            var current = stored.GetValueOrDefault(id);
            if (current is not null && current.Settings == json)
            {
                continue;
            }

            if (current is not null && current.Source != FromConfiguration)
            {
                LogConfigurationIgnored(logger, id.Value, current.Version);
                continue;
            }

            try
            {
                await SaveAsync(id, json, current, FromConfiguration, FromConfiguration, cancellationToken);
            }
            catch (StreamVersionConflictException)
            {
                // Another host starting at the same moment seeded it first; what it stored is read below.
            }
        }

        await RefreshAsync(cancellationToken);
        if (directory.All.Count == 0)
        {
            throw new OptionsValidationException("Tenants", typeof(TenantOptions),
                ["No tenant is configured or stored: add at least one under Tenants:<id> (DisplayName, TimeZone, …) to seed the database; every request names a tenant, so a host without one could only answer 404. Later tenants can be created while the host runs (POST /api/v1/tenants)."]);
        }
    }

    /// <summary>Serves every stored tenant whose version is newer than the one served. A stored document the rules now refuse (a time zone gone from the system, say) is logged and the last good settings kept.</summary>
    public Task RefreshAsync(CancellationToken cancellationToken) => RefreshAsync(configurationWins: false, cancellationToken);

    /// <summary>
    /// For a host command: serves the stored tenants without writing anything; a tenant configured and never changed
    /// through the API keeps its configuration, as the host's next start would store it.
    /// </summary>
    public Task ServeStoredAsync(CancellationToken cancellationToken) => RefreshAsync(configurationWins: true, cancellationToken);

    private async Task RefreshAsync(bool configurationWins, CancellationToken cancellationToken)
    {
        foreach (var stored in await store.ReadTenantSettingsAsync(cancellationToken))
        {
            if (configurationWins && stored.Source == FromConfiguration && configured.Value.ContainsKey(stored.Tenant.Value))
            {
                continue;
            }

            if (directory.VersionOf(stored.Tenant) is { } served && served >= stored.Version)
            {
                continue;
            }

            // Parsed once, then checked as a change through the API would be: the rules, the plugins, the wording.
            TenantSettingsDocument document;
            try
            {
                document = TenantSettingsDocument.Parse(stored.Settings);
            }
            catch (JsonException)
            {
                LogStoredRefused(logger, stored.Tenant.Value, stored.Version, "The stored document is not a tenant's settings.");
                continue;
            }

            var problems = new List<string>();
            var settings = TenantSettingsRules.TryBuild(stored.Tenant.Value, document.ToOptions(), problems);
            using var plugins = settings is null ? null : PreparePlugins(stored.Tenant, document);
            problems.AddRange(plugins?.Problems ?? []);
            if (settings is not null)
            {
                problems.AddRange(assessments.Check(stored.Tenant, document.Assessments));
            }

            if (settings is null || problems.Count > 0)
            {
                LogStoredRefused(logger, stored.Tenant.Value, stored.Version, string.Join(" ", problems));
                continue;
            }

            Serve(settings, stored.Version, document, plugins);
        }
    }

    /// <summary>The tenant's plugins activated as <paramref name="document"/> says, or null when they are served so already.</summary>
    private PluginReconfiguration? PreparePlugins(TenantId tenant, TenantSettingsDocument document)
    {
        lock (_serving)
        {
            if (_servedPlugins.TryGetValue(tenant, out var served) && served == document.PluginsJson())
            {
                return null;
            }
        }

        return catalog.Prepare(tenant, document.PluginsSection());
    }

    /// <summary>Serves the tenant's plugins (when they changed), then its settings: what depends on both sees the new plugins.</summary>
    private void Serve(TenantSettings settings, long version, TenantSettingsDocument document, PluginReconfiguration? plugins)
    {
        lock (_serving)
        {
            if (directory.VersionOf(settings.Id) is { } served && served >= version)
            {
                return;
            }

            if (plugins is not null)
            {
                plugins.Apply();
                _servedPlugins[settings.Id] = document.PluginsJson();
            }

            assessments.Apply(settings.Id, document.Assessments);
            directory.Put(settings, version);
        }
    }

    /// <summary>Creates a tenant (<paramref name="expectedVersion"/> null) or changes one from the version its writer read.</summary>
    public async Task<TenantSettingsOutcome> SaveAsync(TenantId id, TenantSettingsDocument document, long? expectedVersion, string actor, CancellationToken cancellationToken)
    {
        var current = (await store.ReadTenantSettingsAsync(cancellationToken)).FirstOrDefault(t => t.Tenant == id);

        // A secret plugin setting sent back as read (masked) keeps its stored value.
        document.KeepSecretsFrom(current is null ? null : TenantSettingsDocument.Parse(current.Settings));
        var json = document.ToJson();
        var errors = new List<string>();
        if (TenantSettingsRules.TryBuild(id.Value, document.ToOptions(), errors) is not { } settings)
        {
            return TenantSettingsOutcome.Refused(ProblemsOf(id, errors));
        }

        // Each plugin checks its settings, and starts for the tenant, before anything is stored.
        using var plugins = PreparePlugins(id, document);
        if (plugins is { Problems.Count: > 0 })
        {
            return TenantSettingsOutcome.Refused(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["plugins"] = [.. plugins.Problems] });
        }

        if (assessments.Check(id, document.Assessments) is { Count: > 0 } wording)
        {
            return TenantSettingsOutcome.Refused(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["assessments"] = [.. wording.Select(w => w.Replace($"Tenants:{id.Value}:", string.Empty, StringComparison.Ordinal))],
            });
        }

        if (expectedVersion is null ? current is not null : current is null || current.Version != expectedVersion)
        {
            return new TenantSettingsOutcome(current, null, Conflict: true);
        }

        try
        {
            var saved = await SaveAsync(id, json, current, FromApi, actor, cancellationToken);
            Serve(settings, saved.Version, document, plugins);
            return new TenantSettingsOutcome(saved, null, false);
        }
        catch (StreamVersionConflictException)
        {
            return new TenantSettingsOutcome((await store.ReadTenantSettingsAsync(cancellationToken)).FirstOrDefault(t => t.Tenant == id), null, Conflict: true);
        }
    }

    private async Task<StoredTenantSettings> SaveAsync(TenantId id, string json, StoredTenantSettings? current, string source, string actor, CancellationToken cancellationToken)
    {
        var change = new TenantSettingsChange(
            id, (current?.Version ?? 0) + 1, source, time.GetUtcNow(), actor,
            JsonSerializer.Serialize(TenantSettingsDocument.Differences(current?.Settings, json), TenantSettingsDocument.Json), json);
        await store.SaveTenantSettingsAsync(change, cancellationToken);
        LogSaved(logger, id.Value, change.Version, source);
        return new StoredTenantSettings(id, json, change.Version, source, change.ChangedAt, actor);
    }

    private TenantSettingsDocument ConfiguredDocument(string key, TenantOptions options) =>
        TenantSettingsDocument.From(options, configuration.GetSection($"Tenants:{key}:Plugins"));

    /// <summary>The rules' messages keyed by the document's field (<c>timeZone</c>, <c>matching.interest</c>, <c>supervisors[0].id</c>).</summary>
    private static Dictionary<string, string[]> ProblemsOf(TenantId id, List<string> errors) =>
        errors.GroupBy(e => Field(TenantSettingsRules.KeyOf(id.Value, e)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Replace($"Tenants:{id.Value}:", string.Empty, StringComparison.Ordinal)).ToArray(), StringComparer.Ordinal);

    private static string Field(string? key)
    {
        if (key is null)
        {
            return "$";
        }

        var parts = key.Split(':');
        var field = string.Empty;
        foreach (var part in parts)
        {
            field += int.TryParse(part, out var index) ? $"[{index}]" : (field.Length == 0 ? string.Empty : ".") + char.ToLowerInvariant(part[0]) + part[1..];
        }

        return field;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings of tenant {Tenant} stored at version {Version} (from {Source})")]
    private static partial void LogSaved(ILogger logger, string tenant, long version, string source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant} was changed while hosts ran (stored version {Version}): its settings in configuration only seeded it and are not applied")]
    private static partial void LogConfigurationIgnored(ILogger logger, string tenant, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored settings of tenant {Tenant} at version {Version} are refused and the last good ones kept: {Problems}")]
    private static partial void LogStoredRefused(ILogger logger, string tenant, long version, string problems);
}
