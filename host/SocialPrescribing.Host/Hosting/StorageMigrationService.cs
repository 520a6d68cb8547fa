namespace SocialPrescribing.Host.Hosting;

/// <summary>Brings the schema up to date before anything else starts, so a database problem stops start-up with its reason.</summary>
internal sealed class StorageMigrationService(SchemaMigration migration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migration.ApplyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
