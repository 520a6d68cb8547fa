using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Directory;
using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.HsdsFeed;

/// <summary>The plugin's entry: one directory source, configured per tenant by <see cref="HsdsFeedSettings"/>.</summary>
public sealed class Startup : IPluginStartup<HsdsFeedSettings>
{
    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<IDirectorySource, HsdsApiSource>();
}
