using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.ExceptionSummarization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Plugins;

/// <summary>Registers the plugin subsystem.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PluginOptions"/> bound to <paramref name="pluginsSection"/> (normally <c>Plugins</c>)
    /// and validated at start-up, the <see cref="IPluginCatalog"/> and <see cref="IPluginInvoker"/> as singletons,
    /// and a hosted service that loads the plugins as the host starts.
    /// </summary>
    /// <param name="services">The host's services; an <c>ITenantDirectory</c> must be registered too.</param>
    /// <param name="pluginsSection">The <c>Plugins</c> configuration section.</param>
    /// <param name="tenantsSection">
    /// The <c>Tenants</c> configuration section, whose <c>&lt;tenant&gt;:Plugins:&lt;pluginId&gt;</c> entries
    /// enable plugins (<c>Enabled</c>) and hold their settings (<c>Settings</c>).
    /// </param>
    /// <param name="hostServices">Adds host services to forward to every plugin, besides logging and the clock.</param>
    public static IServiceCollection AddPlugins(
        this IServiceCollection services,
        IConfiguration pluginsSection,
        IConfiguration tenantsSection,
        Action<PluginHostServices>? hostServices = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(pluginsSection);
        ArgumentNullException.ThrowIfNull(tenantsSection);
        var forwarded = new PluginHostServices();
        hostServices?.Invoke(forwarded);

        services.AddOptions<PluginOptions>().Bind(pluginsSection).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PluginOptions>, PluginOptionsValidator>());
        services.AddExceptionSummarizer(summaries => summaries.AddHttpProvider());
        services.TryAddSingleton(new PluginCatalogSources(tenantsSection, forwarded));
        services.TryAddSingleton<IPluginCatalog, PluginCatalog>();
        services.TryAddSingleton<IPluginInvoker, PluginInvoker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PluginCatalogWarmUp>());
        return services;
    }
}
