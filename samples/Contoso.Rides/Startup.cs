using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Contoso.Rides;

/// <summary>The plugin's entry: one transport partner, configured per tenant by <see cref="ContosoRidesSettings"/>.</summary>
public sealed class Startup : IPluginStartup<ContosoRidesSettings>
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<ITransportPartner, ContosoRidesPartner>();
}
