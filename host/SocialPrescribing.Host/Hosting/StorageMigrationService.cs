using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Hosting;

/// <summary>Brings the schema up to date before anything else starts, so a database problem stops start-up with its reason.</summary>
internal sealed class StorageMigrationService(IJourneyStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.CheckHealthAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
