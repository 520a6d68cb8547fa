using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Training;
using Sp.TestPlugins.Dependency;

namespace Sp.TestPlugins.Dependent;

/// <summary>Its base class lives in a private dependency, so it cannot even be listed when that is missing.</summary>
public sealed class Startup : Greeting, IPluginStartup
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<ITrainingModule, GreetingModule>();
}
