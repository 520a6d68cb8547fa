using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.GoodRides;

public sealed class Startup : IPluginStartup<GoodRidesSettings>
{
    public void ConfigureServices(IServiceCollection services, PluginContext context)
    {
        services.AddSingleton<ITransportPartner, GoodRidesPartner>();
        services.AddSingleton<ITrainingModule, ListeningModule>();
    }
}
