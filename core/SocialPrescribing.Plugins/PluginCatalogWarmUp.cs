using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Builds the plugin catalog as the host starts, so plugins are loaded once, up front, and bad tenant plugin
/// configuration stops start-up instead of failing a request.
/// </summary>
internal sealed class PluginCatalogWarmUp(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<IPluginCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
