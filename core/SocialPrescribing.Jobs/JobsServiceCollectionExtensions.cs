using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Application;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job classes, the schedulers and dispatchers, the reactions consumer that drives them from the
    /// event feed, and the reconciliation.
    /// The caller configures Hangfire's storage and server.
    /// </summary>
    public static IServiceCollection AddJourneyJobs(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<JobsOptions>().Bind(section);
        services.AddApplication();
        services.AddTransient<FirstContactCheckJob>();
        services.AddTransient<FirstContactSweepJob>();
        services.AddTransient<SafetyAlertNotificationJob>();
        services.AddTransient<SafetyAlertReconciliationJob>();
        services.AddSingleton<ISafetyAlertDispatcher>(sp => new HangfireSafetyAlertDispatcher(sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddSingleton<INotificationChannel, NotificationLogChannel>();
        services.AddSingleton<NotificationRoutes>();
        services.AddTransient<EmergencyAccessNotificationJob>();
        services.AddTransient<EmergencyAccessReconciliationJob>();
        services.AddSingleton<IEmergencyAccessDispatcher>(sp => new HangfireEmergencyAccessDispatcher(sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddTransient<TransportBookingJob>();
        services.AddTransient<TransportCancellationJob>();
        services.AddTransient<TransportReconciliationJob>();
        services.AddSingleton<ITransportDispatcher>(sp => new HangfireTransportDispatcher(sp.GetRequiredService<IBackgroundJobClient>()));
        services.AddTransient<PartnerResponseCheckJob>();
        services.AddTransient<PartnerResponseSweepJob>();
        services.AddTransient<DirectoryFeedJob>();
        services.AddHostedService<DirectoryFeedSchedule>();
        services.AddSingleton<IJourneyReactions, JourneyReactions>();
        services.AddJourneyReactor(section.GetSection("Reactions").Bind);
        services.AddHostedService<ReconciliationService>();
        return services;
    }
}
