using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Builds a loaded plugin's service provider for one tenant: its own registrations, the forwarded host services,
/// the tenant, and the tenant's settings bound and validated; then creates its components. Bad settings are the
/// operator's to fix (<see cref="ConfigurationErrors"/>); anything else that fails is the plugin's
/// (<see cref="PluginRejectedException"/>).
/// </summary>
internal sealed class TenantActivation : IDisposable
{
    private static readonly MethodInfo AddSettingsMethod =
        typeof(TenantActivation).GetMethod(nameof(AddSettings), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo ReadSettingsMethod =
        typeof(TenantActivation).GetMethod(nameof(ReadSettings), BindingFlags.NonPublic | BindingFlags.Static)!;

    private TenantActivation(ServiceProvider? provider, IReadOnlyList<ActivatedComponent> components, IReadOnlyList<string> configurationErrors)
    {
        Provider = provider;
        Components = components;
        ConfigurationErrors = configurationErrors;
    }

    public ServiceProvider? Provider { get; }

    public IReadOnlyList<ActivatedComponent> Components { get; }

    /// <summary>Problems with the tenant's settings for the plugin, each naming its configuration path; empty when none.</summary>
    public IReadOnlyList<string> ConfigurationErrors { get; }

    /// <summary>Activates <paramref name="plugin"/> for <paramref name="tenant"/>.</summary>
    /// <param name="plugin">The loaded plugin.</param>
    /// <param name="tenant">The tenant that enables it.</param>
    /// <param name="section">Configuration <c>Tenants:&lt;tenant&gt;:Plugins:&lt;id&gt;</c>.</param>
    /// <param name="host">The host's container, for the forwarded services.</param>
    /// <param name="forwarded">The service types to forward.</param>
    /// <param name="timeout">How long the plugin's code may take.</param>
    /// <exception cref="PluginRejectedException">The plugin's code failed or hung (quarantined).</exception>
    public static TenantActivation Activate(
        LoadedPlugin plugin, TenantId tenant, IConfigurationSection section, IServiceProvider host, PluginHostServices forwarded, TimeSpan timeout)
    {
        var settings = section.GetSection("Settings");
        var errors = CheckSettings(plugin, settings);
        if (errors.Count > 0)
        {
            return new TenantActivation(null, [], errors);
        }

        var services = new ServiceCollection();
        foreach (var type in forwarded.Types)
        {
            if (host.GetService(type) is { } instance)
            {
                services.AddSingleton(type, instance);
            }
        }

        if (host.GetService<ILoggerFactory>() is not null)
        {
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        }

        services.AddOptions();
        foreach (var descriptor in plugin.Services)
        {
            ((IServiceCollection)services).Add(descriptor);
        }

        // After the plugin's own registrations, so a plugin cannot replace who it is or whom it serves.
        services.AddSingleton(plugin.Context);
        services.AddSingleton(new PluginTenant(tenant));
        if (plugin.SettingsType is { } settingsType)
        {
            AddSettingsMethod.MakeGenericMethod(settingsType).Invoke(null, [services, settings]);
        }

        var provider = BuildProvider(services, tenant, timeout);
        try
        {
            if (plugin.SettingsType is { } type)
            {
                errors = ValidateSettings(provider, type, settings.Path, tenant, timeout);
                if (errors.Count > 0)
                {
                    provider.Dispose();
                    return new TenantActivation(null, [], errors);
                }
            }

            var components = CreateComponents(provider, plugin, tenant, timeout);
            return new TenantActivation(provider, components, []);
        }
        catch
        {
            DisposeQuietly(provider);
            throw;
        }
    }

    public void Dispose() => Provider?.Dispose();

    internal static void DisposeQuietly(IDisposable disposable)
    {
        try
        {
            disposable.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The plugin's own disposables failing must not take the host with them.
        }
    }

    /// <summary>
    /// Binds the settings to a throwaway instance to catch unknown keys and values that do not convert, with
    /// messages that carry the configuration path; the provider binds its own instance again later.
    /// </summary>
    private static List<string> CheckSettings(LoadedPlugin plugin, IConfigurationSection settings)
    {
        if (plugin.SettingsType is not { } type)
        {
            return settings.Exists()
                ? [$"{settings.Path}: plugin '{plugin.Manifest.Id}' takes no settings."]
                : [];
        }

        try
        {
            var instance = Activator.CreateInstance(type)!;
            settings.Bind(instance, binder => binder.ErrorOnUnknownConfiguration = true);
            return [];
        }
        catch (InvalidOperationException e)
        {
            return [$"{settings.Path}: {e.Message}"];
        }
        catch (TargetInvocationException e)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined, $"creating its settings ({type.FullName}) failed: {PluginFolderLoader.Describe(e.InnerException ?? e)}");
        }
    }

    private static ServiceProvider BuildProvider(ServiceCollection services, TenantId tenant, TimeSpan timeout)
    {
        try
        {
            return BoundedWork.Run(
                () => services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }),
                timeout,
                $"building its services for tenant '{tenant}'");
        }
        catch (Exception e) when (e is not PluginRejectedException)
        {
            var cause = e is AggregateException { InnerExceptions.Count: > 0 } all ? all.InnerExceptions[0] : e;
            throw new PluginRejectedException(PluginStatus.Quarantined, $"its services cannot be built for tenant '{tenant}': {PluginFolderLoader.Describe(cause)}");
        }
    }

    private static List<string> ValidateSettings(ServiceProvider provider, Type settingsType, string path, TenantId tenant, TimeSpan timeout)
    {
        try
        {
            BoundedWork.Run(
                () => ReadSettingsMethod.MakeGenericMethod(settingsType).Invoke(null, BindingFlags.DoNotWrapExceptions, null, [provider], null),
                timeout,
                $"validating its settings for tenant '{tenant}'");
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures.Select(f => f.StartsWith(path, StringComparison.Ordinal) ? f : $"{path}: {f}")];
        }
        catch (Exception e) when (e is not PluginRejectedException)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined, $"validating its settings for tenant '{tenant}' failed: {PluginFolderLoader.Describe(e)}");
        }
    }

    private static List<ActivatedComponent> CreateComponents(ServiceProvider provider, LoadedPlugin plugin, TenantId tenant, TimeSpan timeout)
    {
        try
        {
            return BoundedWork.Run(
                () =>
                {
                    var created = new List<ActivatedComponent>();
                    foreach (var group in plugin.Components.GroupBy(c => c.Contract))
                    {
                        var instances = provider.GetServices(group.Key).ToList();
                        var declarations = group.ToList();
                        for (var i = 0; i < declarations.Count; i++)
                        {
                            var instance = i < instances.Count ? instances[i] : null;
                            if (instance is null || instance.GetType() != declarations[i].Type)
                            {
                                throw new PluginRejectedException(PluginStatus.Quarantined,
                                    $"its container did not create {declarations[i].Type.FullName} for tenant '{tenant}'");
                            }

                            created.Add(new ActivatedComponent(plugin, declarations[i], instance));
                        }
                    }

                    return created;
                },
                timeout,
                $"creating its components for tenant '{tenant}'");
        }
        catch (Exception e) when (e is not PluginRejectedException)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new PluginRejectedException(PluginStatus.Quarantined, $"creating its components for tenant '{tenant}' failed: {PluginFolderLoader.Describe(cause)}");
        }
    }

    private static void AddSettings<TSettings>(IServiceCollection services, IConfigurationSection settings)
        where TSettings : class, new()
    {
        services.AddOptions<TSettings>().Configure(instance => settings.Bind(instance));
        services.AddSingleton<IValidateOptions<TSettings>>(new DataAnnotationsSettingsValidator<TSettings>(settings.Path));
    }

    private static object ReadSettings<TSettings>(IServiceProvider provider)
        where TSettings : class, new() =>
        provider.GetRequiredService<IOptions<TSettings>>().Value;
}
