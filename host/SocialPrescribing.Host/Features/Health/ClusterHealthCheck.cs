using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Host.Features.Health;

/// <summary>Ready when a grain call goes through: the silo is up and can activate journeys.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly Guid Probe = Guid.Empty;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A journey that never exists under a tenant id that is never served: activates, reads nothing, appends nothing.
            await grains.GetGrain<IJourneyGrain>(Probe, "health-probe").GetState().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The Orleans silo is not answering.", ex);
        }
    }
}
