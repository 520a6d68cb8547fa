using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Benchmarks;

/// <summary>Hands no job to Hangfire: the benchmark measures commands and the feed read that drives the real reactions, not Hangfire.</summary>
internal sealed class NoDispatchers : ISafetyAlertDispatcher, ITransportDispatcher, IEmergencyAccessDispatcher
{
    public void Book(TenantId tenant, Guid journeyId, Guid tripId)
    {
    }

    public void CancelAtPartner(TenantId tenant, Guid journeyId, Guid tripId)
    {
    }

    public void Dispatch(TenantId tenant, Guid journeyId, Guid alertId)
    {
    }

    /// <summary>
    /// Registers it for every job a journey's reactions hand out, and the real reactions behind the feed consumer, as
    /// the host has them.
    /// </summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ISafetyAlertDispatcher, NoDispatchers>();
        services.AddSingleton<ITransportDispatcher, NoDispatchers>();
        services.AddSingleton<IEmergencyAccessDispatcher, NoDispatchers>();
        services.AddSingleton<IJourneyReactions, JourneyReactions>();
    }
}
