using Microsoft.Extensions.DependencyInjection;

namespace SocialPrescribing.Grains.Journeys;

public static class JourneyReactorServiceCollectionExtensions
{
    /// <summary>
    /// Runs the reactions consumer in this host and tells it of every commit. An <see cref="IJourneyReactions"/> and
    /// the store's <c>IEventFeed</c> must be registered too.
    /// </summary>
    public static IServiceCollection AddJourneyReactor(this IServiceCollection services, Action<JourneyReactorOptions>? configure = null)
    {
        var options = services.AddOptions<JourneyReactorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddSingleton<JourneyReactor>();
        services.AddSingleton<ICommitSignal>(sp => sp.GetRequiredService<JourneyReactor>());
        services.AddHostedService(sp => sp.GetRequiredService<JourneyReactor>());
        return services;
    }
}
