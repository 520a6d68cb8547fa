using SocialPrescribing.Application.CommunityDirectory.Partners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.Application.CommunityDirectory.Matching;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Application.Projections;
using SocialPrescribing.Application.Training;

namespace SocialPrescribing.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The application's use cases; grains and a journey store must be registered too.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AuditOptions>();
        services.AddOptions<EmergencyAccessOptions>()
            .Validate(
                o => o.Duration >= EmergencyAccessOptions.MinDuration && o.Duration <= EmergencyAccessOptions.MaxDuration,
                $"Access:EmergencyAccess:Duration must be between {EmergencyAccessOptions.MinDuration} and {EmergencyAccessOptions.MaxDuration}.")
            .ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(AuditWriter)))
        {
            services.AddSingleton<AuditWriter>();
            services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        }

        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<AuditQueries>();
        services.TryAddSingleton<JourneyUseCases>();
        services.TryAddSingleton<CaseloadTotals>();
        services.TryAddSingleton<CaseloadQueries>();
        services.TryAddSingleton<ProjectionRebuild>();
        services.TryAddSingleton<ActivityQueries>();
        services.TryAddSingleton<TrainingUseCases>();
        services.TryAddSingleton<DirectoryUseCases>();
        services.TryAddSingleton<MatchUseCases>();
        services.TryAddSingleton<DirectoryCuration>();
        services.TryAddSingleton<DirectoryFeedRuns>();
        services.TryAddSingleton<PartnerMembers>();
        services.TryAddSingleton<PartnerReferralUseCases>();
        services.TryAddSingleton<ProviderResponsiveness>();
        return services;
    }
}
