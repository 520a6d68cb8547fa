using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Tenants;

/// <summary>
/// Seeds and loads the stored tenants as the host starts (after the migrations, before the silo and the jobs), then
/// looks for changes made by other hosts every <c>TenantSync:RefreshInterval</c> (default 5 seconds).
/// </summary>
internal sealed partial class TenantSettingsSync(TenantProvisioning provisioning, IConfiguration configuration, ILogger<TenantSettingsSync> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await provisioning.SeedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("TenantSync:RefreshInterval", TimeSpan.FromSeconds(5));
        using var timer = new PeriodicTimer(interval < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await provisioning.RefreshAsync(stoppingToken);
                }
                catch (StorageUnavailableException)
                {
                    LogUnavailable(logger);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; tenants' settings are looked at again later")]
    private static partial void LogUnavailable(ILogger logger);
}
