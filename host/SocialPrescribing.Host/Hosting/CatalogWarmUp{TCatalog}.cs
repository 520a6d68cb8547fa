namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// Builds a catalogue while the host starts, so a tenant's bad settings stop start-up, and plugins are described
/// once, before any request waits on them.
/// </summary>
/// <typeparam name="TCatalog">The catalogue's service type, registered as a singleton.</typeparam>
internal sealed class CatalogWarmUp<TCatalog>(IServiceProvider services) : IHostedService
    where TCatalog : class
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<TCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
