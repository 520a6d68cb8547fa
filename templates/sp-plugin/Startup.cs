using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Company.Plugin;

/// <summary>
/// The plugin's entry type: the host creates it once at start-up and calls <see cref="ConfigureServices"/>.
/// Register each component under its kind's contract; the kinds must match plugin.json's "kinds".
/// </summary>
public sealed class Startup : IPluginStartup<PluginSettings>
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<ITransportPartner, ExampleTransportPartner>();
}
