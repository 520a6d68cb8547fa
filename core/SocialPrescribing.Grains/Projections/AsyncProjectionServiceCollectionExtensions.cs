using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Grains.Projections;

public static class AsyncProjectionServiceCollectionExtensions
{
    /// <summary>
    /// The built-in asynchronous projections (<see cref="ActivityProjection"/>) and the runner that keeps them caught up
    /// in this host. The store's <c>IProjectionTallies</c> and an <c>ITenantDirectory</c> must be registered too.
    /// </summary>
    public static IServiceCollection AddAsyncProjections(this IServiceCollection services, Action<AsyncProjectionOptions>? configure = null)
    {
        var options = services.AddOptions<AsyncProjectionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<ITallyProjection, ActivityProjection>();
        services.AddHostedService<AsyncProjectionRunner>();
        return services;
    }
}
