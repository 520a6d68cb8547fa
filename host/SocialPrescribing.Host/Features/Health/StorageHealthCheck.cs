using Microsoft.Extensions.Diagnostics.HealthChecks;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Health;

internal sealed class StorageHealthCheck(IJourneyStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.CheckHealthAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (StorageUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy("Journey storage is unavailable.", ex);
        }
    }
}
