using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Plugins;

/// <summary>
/// <see cref="IPluginCatalog"/> built once, when first resolved (the host resolves it as it starts): every folder
/// of the plugins folder is read, checked and loaded, or listed with the reason it was not; then each tenant's
/// enabled plugins are activated with the tenant's settings.
/// </summary>
/// <remarks>
/// A plugin that fails anywhere, for any tenant, is quarantined as a whole: none of its components is used by
/// any tenant. Bad tenant configuration (an unknown key, a setting that does not validate) stops start-up with
/// an <see cref="OptionsValidationException"/> listing every problem by configuration path; enabling a plugin
/// that is absent or not loaded is only a warning, so a broken or removed plugin never stops the host.
/// </remarks>
internal sealed partial class PluginCatalog : IPluginCatalog, IDisposable
{
    private static readonly string[] TenantPluginKeys = ["Enabled", "Settings"];

    private readonly ILogger<PluginCatalog> _logger;
    private readonly List<IDisposable> _handles = [];
    private readonly List<TenantActivation> _activations = [];
    private readonly List<PluginEntry> _plugins;
    private readonly Lock _reconfiguring = new();
    private readonly PluginOptions _settings;
    private readonly PluginCatalogSources _sources;
    private readonly IServiceProvider _host;
    private readonly List<LoadedPlugin> _loaded;
    private volatile FrozenDictionary<TenantId, TenantPlugins> _tenants;
    private readonly ConcurrentDictionary<(TenantId Tenant, Type Contract), object> _typed = new();

    public PluginCatalog(
        IOptions<PluginOptions> options,
        ITenantDirectory tenants,
        PluginCatalogSources sources,
        IServiceProvider host,
        ILogger<PluginCatalog> logger)
        : this(options, tenants, sources, host, logger, new McMasterPluginAssemblyLoader())
    {
    }

    internal PluginCatalog(
        IOptions<PluginOptions> options,
        ITenantDirectory tenants,
        PluginCatalogSources sources,
        IServiceProvider host,
        ILogger<PluginCatalog> logger,
        IPluginAssemblyLoader assemblies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(sources);
        _logger = logger;
        var settings = options.Value;
        Directory = Path.GetFullPath(settings.Directory, AppContext.BaseDirectory);

        _settings = settings;
        _sources = sources;
        _host = host;
        var (entries, loaded) = LoadAll(settings, sources.HostServices, assemblies);
        _plugins = entries;
        try
        {
            _tenants = ActivateAll(settings, tenants, sources, host, loaded, entries);
            _loaded = [.. loaded.Where(p => _plugins.Any(e => e.Manifest == p.Manifest && e.IsLoaded))];
        }
        catch
        {
            Dispose();
            throw;
        }

        var loadedCount = _plugins.Count(p => p.IsLoaded);
        LogSummary(_logger, Directory, _plugins.Count, loadedCount, _plugins.Count - loadedCount);
    }

    public string Directory { get; }

    public IReadOnlyList<PluginEntry> Plugins => _plugins;

    public IReadOnlyList<PluginEntry> EnabledFor(TenantId tenant) =>
        _tenants.TryGetValue(tenant, out var plugins) ? plugins.Enabled : [];

    public bool IsEnabled(TenantId tenant, string pluginId) =>
        _tenants.TryGetValue(tenant, out var plugins) && plugins.Enabled.Any(p => p.Id == pluginId);

    public IReadOnlyList<PluginComponent<T>> ComponentsFor<T>(TenantId tenant)
        where T : class
    {
        var kind = PluginKinds.KindOf(typeof(T))
            ?? throw new ArgumentException($"{typeof(T).Name} is not the contract of a plugin kind ({string.Join(", ", PluginKinds.All)}).", nameof(T));
        return (IReadOnlyList<PluginComponent<T>>)_typed.GetOrAdd((tenant, typeof(T)), key =>
        {
            if (!_tenants.TryGetValue(key.Tenant, out var plugins))
            {
                return Array.Empty<PluginComponent<T>>();
            }

            return plugins.Components
                .Where(c => c.Declaration.Kind == kind)
                .OrderBy(c => c.Declaration.Id, StringComparer.Ordinal)
                .Select(c => new PluginComponent<T>(c.Plugin.Manifest.Id, c.Plugin.Manifest.Version, key.Tenant, kind, c.Declaration.Id, (T)c.Instance))
                .ToArray();
        });
    }

    public PluginComponent<T>? Find<T>(TenantId tenant, string componentId)
        where T : class =>
        ComponentsFor<T>(tenant).FirstOrDefault(c => c.ComponentId == componentId);

    public event Action<TenantId>? TenantChanged;

    public PluginReconfiguration Prepare(TenantId tenant, IConfiguration plugins)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        var problems = new List<string>();
        var enabled = new List<LoadedPlugin>();
        foreach (var pluginSection in plugins.GetChildren())
        {
            if (!ReadEnabled(pluginSection, problems))
            {
                continue;
            }

            var id = pluginSection.Key;
            if (_loaded.FirstOrDefault(p => p.Manifest.Id == id) is { } plugin)
            {
                enabled.Add(plugin);
            }
            else if (_plugins.FirstOrDefault(e => e.Id == id) is { } entry)
            {
                problems.Add($"{pluginSection.Path}: plugin '{id}' is {PluginStatusNames.Of(entry.Status)} ({entry.Reason}); it cannot be enabled.");
            }
            else
            {
                problems.Add($"{pluginSection.Path}: no plugin '{id}' is installed in {Directory}.");
            }
        }

        var activations = new List<TenantActivation>();
        if (problems.Count == 0)
        {
            foreach (var plugin in enabled.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal))
            {
                try
                {
                    var activation = TenantActivation.Activate(plugin, tenant, plugins.GetSection(plugin.Manifest.Id), _host, _sources.HostServices, _settings.StartupTimeout);
                    activations.Add(activation);
                    problems.AddRange(activation.ConfigurationErrors);
                }
                catch (PluginRejectedException e)
                {
                    problems.Add($"{plugins.GetSection(plugin.Manifest.Id).Path}: plugin '{plugin.Manifest.Id}' failed to start for the tenant: {e.Message}");
                }
            }
        }

        if (problems.Count > 0)
        {
            activations.ForEach(TenantActivation.DisposeQuietly);
            return new PluginReconfiguration(tenant, problems, [], null);
        }

        return new PluginReconfiguration(tenant, [], activations, prepared => Apply(prepared, enabled));
    }

    private void Apply(PluginReconfiguration prepared, List<LoadedPlugin> enabled)
    {
        lock (_reconfiguring)
        {
            var activations = prepared.Activations.Cast<TenantActivation>().Where(a => a.Provider is not null).ToList();
            var plugins = new TenantPlugins(
                [.. enabled.OrderBy(p => p.Manifest.Id, StringComparer.Ordinal).Select(p => _plugins.First(e => e.Manifest == p.Manifest))],
                [.. activations.SelectMany(a => a.Components)]);

            // The activations replaced keep serving calls already under way; they are disposed with the catalog.
            _activations.AddRange(activations);
            _tenants = new Dictionary<TenantId, TenantPlugins>(_tenants) { [prepared.Tenant] = plugins }.ToFrozenDictionary();
            foreach (var key in _typed.Keys.Where(k => k.Tenant == prepared.Tenant))
            {
                _typed.TryRemove(key, out _);
            }

            LogReconfigured(_logger, prepared.Tenant.Value, plugins.Enabled.Count, plugins.Components.Count);
        }

        TenantChanged?.Invoke(prepared.Tenant);
    }

    public void Dispose()
    {
        foreach (var activation in _activations)
        {
            TenantActivation.DisposeQuietly(activation);
        }

        _activations.Clear();
        foreach (var handle in _handles)
        {
            TenantActivation.DisposeQuietly(handle);
        }

        _handles.Clear();
    }

    private (List<PluginEntry> Entries, List<LoadedPlugin> Loaded) LoadAll(PluginOptions settings, PluginHostServices hostServices, IPluginAssemblyLoader assemblies)
    {
        var entries = new List<PluginEntry>();
        var loaded = new List<LoadedPlugin>();
        if (!System.IO.Directory.Exists(Directory))
        {
            LogNoFolder(_logger, Directory);
            return (entries, loaded);
        }

        var loader = new PluginFolderLoader(assemblies, SharedTypes(hostServices), settings.StartupTimeout);
        var folders = System.IO.Directory.GetDirectories(Directory).Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var folderName = Path.GetFileName(folder);
            if (!PluginManifestReader.TryRead(folder, out var manifest, out var declaredId, out var manifestError))
            {
                entries.Add(Rejected(declaredId ?? folderName, folderName, null, PluginStatus.InvalidManifest, manifestError!));
                continue;
            }

            var m = manifest!;
            if (settings.Disabled.Contains(m.Id, StringComparer.Ordinal))
            {
                entries.Add(Rejected(m.Id, folderName, m, PluginStatus.Disabled, $"turned off by configuration {PluginOptions.SectionName}:{nameof(PluginOptions.Disabled)}"));
                continue;
            }

            if (entries.FirstOrDefault(e => e.Manifest?.Id == m.Id) is { } first)
            {
                entries.Add(Rejected(m.Id, folderName, m, PluginStatus.Duplicate, $"the plugin in folder '{first.Folder}' already has id '{m.Id}'"));
                continue;
            }

            try
            {
                var plugin = loader.Load(folder, m, _handles);
                var clash = plugin.Components.FirstOrDefault(c => loaded.Any(p => p.Components.Any(o => o.Kind == c.Kind && o.Id == c.Id)));
                if (clash is not null)
                {
                    var owner = loaded.First(p => p.Components.Any(o => o.Kind == clash.Kind && o.Id == clash.Id));
                    throw new PluginRejectedException(PluginStatus.Quarantined, $"its {clash.Kind} '{clash.Id}' is already provided by plugin '{owner.Manifest.Id}'");
                }

                loaded.Add(plugin);
                entries.Add(plugin.ToEntry());
                var kinds = string.Join(", ", m.Kinds);
                LogLoaded(_logger, m.Id, m.Version, kinds, folderName);
            }
            catch (PluginRejectedException e)
            {
                entries.Add(Rejected(m.Id, folderName, m, e.Status, e.Message));
            }
        }

        return (entries, loaded);
    }

    private FrozenDictionary<TenantId, TenantPlugins> ActivateAll(
        PluginOptions settings,
        ITenantDirectory tenants,
        PluginCatalogSources sources,
        IServiceProvider host,
        List<LoadedPlugin> loaded,
        List<PluginEntry> entries)
    {
        var configurationErrors = new List<string>();
        var enabled = new Dictionary<TenantId, List<LoadedPlugin>>();
        foreach (var tenant in tenants.All.OrderBy(t => t.Id.Value, StringComparer.Ordinal))
        {
            var list = enabled[tenant.Id] = [];
            foreach (var pluginSection in sources.Tenants.GetSection($"{tenant.Id.Value}:Plugins").GetChildren())
            {
                if (!ReadEnabled(pluginSection, configurationErrors))
                {
                    continue;
                }

                var id = pluginSection.Key;
                var plugin = loaded.FirstOrDefault(p => p.Manifest.Id == id);
                if (plugin is not null)
                {
                    list.Add(plugin);
                }
                else if (entries.FirstOrDefault(e => e.Id == id) is { } entry)
                {
                    LogEnabledNotLoaded(_logger, tenant.Id.Value, id, PluginStatusNames.Of(entry.Status));
                }
                else
                {
                    LogEnabledNotFound(_logger, tenant.Id.Value, id, Directory);
                }
            }
        }

        // Plugin by plugin, so that one failing for any tenant is withdrawn from every tenant.
        var activated = new Dictionary<TenantId, List<ActivatedComponent>>();
        var quarantined = new HashSet<LoadedPlugin>();
        foreach (var plugin in loaded)
        {
            var activations = new List<TenantActivation>();
            try
            {
                foreach (var (tenant, plugins) in enabled)
                {
                    if (!plugins.Contains(plugin))
                    {
                        continue;
                    }

                    var section = sources.Tenants.GetSection($"{tenant.Value}:Plugins:{plugin.Manifest.Id}");
                    var activation = TenantActivation.Activate(plugin, tenant, section, host, sources.HostServices, settings.StartupTimeout);
                    activations.Add(activation);
                    configurationErrors.AddRange(activation.ConfigurationErrors);
                }
            }
            catch (PluginRejectedException e)
            {
                activations.ForEach(TenantActivation.DisposeQuietly);
                quarantined.Add(plugin);
                var index = entries.FindIndex(x => x.Manifest == plugin.Manifest);
                entries[index] = Rejected(plugin.Manifest.Id, plugin.Folder, plugin.Manifest, e.Status, e.Message);
                continue;
            }

            foreach (var activation in activations.Where(a => a.Provider is not null))
            {
                _activations.Add(activation);
                var tenant = activation.Provider!.GetRequiredService<PluginTenant>().Id;
                if (!activated.TryGetValue(tenant, out var components))
                {
                    activated[tenant] = components = [];
                }

                components.AddRange(activation.Components);
                LogEnabled(_logger, tenant.Value, plugin.Manifest.Id, activation.Components.Count);
            }
        }

        if (configurationErrors.Count > 0)
        {
            LogConfigurationRejected(_logger, configurationErrors.Count);
            throw new OptionsValidationException(PluginOptions.SectionName, typeof(PluginOptions), configurationErrors);
        }

        return enabled.ToFrozenDictionary(
            pair => pair.Key,
            pair => new TenantPlugins(
                [.. pair.Value.Where(p => !quarantined.Contains(p)).OrderBy(p => p.Manifest.Id, StringComparer.Ordinal).Select(p => entries.First(e => e.Manifest == p.Manifest))],
                activated.TryGetValue(pair.Key, out var components) ? components : []));
    }

    private static bool ReadEnabled(IConfigurationSection pluginSection, List<string> errors)
    {
        foreach (var child in pluginSection.GetChildren())
        {
            if (!TenantPluginKeys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"{child.Path} is not a plugin key (use {string.Join(" and ", TenantPluginKeys)}).");
            }
        }

        var text = pluginSection["Enabled"];
        if (text is null)
        {
            return false;
        }

        if (!bool.TryParse(text, out var enabled))
        {
            errors.Add($"{pluginSection.Path}:Enabled must be true or false; it was '{text}'.");
            return false;
        }

        return enabled;
    }

    internal static List<Type> SharedTypes(PluginHostServices hostServices)
    {
        List<Type> shared =
        [
            typeof(IPluginStartup),
            typeof(IServiceCollection),
            typeof(IOptions<>),
            typeof(ILogger),
        ];
        shared.AddRange(hostServices.Types.Where(t => !shared.Any(s => s.Assembly == t.Assembly)));
        return shared;
    }

    private PluginEntry Rejected(string id, string folder, PluginManifest? manifest, PluginStatus status, string reason)
    {
        LogNotLoaded(_logger, folder, id, PluginStatusNames.Of(status), reason);
        return new PluginEntry { Id = id, Folder = folder, Status = status, Reason = reason, Manifest = manifest };
    }

    private sealed record TenantPlugins(IReadOnlyList<PluginEntry> Enabled, IReadOnlyList<ActivatedComponent> Components);
}
