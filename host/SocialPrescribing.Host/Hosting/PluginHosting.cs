using SocialPrescribing.Plugins;

namespace SocialPrescribing.Host.Hosting;

/// <summary>The plugin subsystem: catalog, invoker and the services plugins receive from the host.</summary>
internal static class PluginHosting
{
    /// <summary>
    /// Loads the plugins in <c>Plugins:Directory</c> as the host starts and enables them per tenant from
    /// <c>Tenants:&lt;tenant&gt;:Plugins:&lt;pluginId&gt;</c>. A plugin that fails to load is listed with its reason
    /// and the host carries on; invalid tenant plugin settings stop start-up.
    /// </summary>
    public static WebApplicationBuilder AddPlugins(this WebApplicationBuilder builder)
    {
        // Plugins that call partners over HTTP get pooled handlers from the host rather than their own.
        builder.Services.AddHttpClient();
        builder.Services.AddPlugins(
            builder.Configuration.GetSection(PluginOptions.SectionName),
            builder.Configuration.GetSection("Tenants"),
            forward => forward.Forward<IHttpClientFactory>());
        return builder;
    }
}
