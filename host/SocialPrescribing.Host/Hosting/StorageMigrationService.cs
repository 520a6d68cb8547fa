namespace SocialPrescribing.Host.Hosting;

/// <summary>Brings the schemas up to date before anything else starts, so a database problem stops start-up with its reason.</summary>
internal sealed class StorageMigrationService(IEnumerable<SchemaMigration> migrations) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var migration in migrations.Where(m => m.AtStartUp))
        {
            await migration.ApplyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
