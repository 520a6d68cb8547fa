using Hangfire;
using Microsoft.Extensions.Hosting;
using SocialPrescribing.Abstractions.Directory;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Gives every directory feed each tenant enables a Hangfire recurring run on the tenant's schedule
/// (<c>DirectoryFeedSchedule</c>, a cron expression in the tenant's time zone); a feed no longer enabled loses its
/// recurring run. At start-up for every tenant, and again for a tenant whose settings change while the host runs.
/// </summary>
internal sealed class DirectoryFeedSchedule(
    ITenantDirectory tenants, IPluginCatalog plugins, IRecurringJobManager recurring, IEnumerable<ITenantChanges> changes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var tenant in tenants.All)
        {
            Apply(tenant);
        }

        foreach (var source in changes)
        {
            source.Changed += Apply;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var source in changes)
        {
            source.Changed -= Apply;
        }

        return Task.CompletedTask;
    }

    private void Apply(TenantSettings tenant)
    {
        var enabled = plugins.ComponentsFor<IDirectorySource>(tenant.Id).Select(c => c.ComponentId).ToHashSet(StringComparer.Ordinal);
        foreach (var source in enabled)
        {
            var tenantId = tenant.Id.Value;
            recurring.AddOrUpdate<DirectoryFeedJob>(
                DirectoryFeedJob.RecurringId(tenant.Id, source),
                job => job.RunAsync(tenantId, source, "schedule"),
                tenant.DirectoryFeedSchedule,
                new RecurringJobOptions { TimeZone = tenant.TimeZone });
        }

        foreach (var source in plugins.Plugins.SelectMany(p => p.Components).Where(c => c.Kind == Abstractions.Plugins.PluginKinds.DirectorySource).Select(c => c.Id))
        {
            if (!enabled.Contains(source))
            {
                recurring.RemoveIfExists(DirectoryFeedJob.RecurringId(tenant.Id, source));
            }
        }
    }
}
