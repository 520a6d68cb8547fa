using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using SocialPrescribing.Documents;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Api;
using SocialPrescribing.Host.Tenants;
using SocialPrescribing.Jobs;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Host.Hosting;

/// <summary>One <c>AddX</c> per subsystem; <c>Program.cs</c> lists them.</summary>
internal static class HostingExtensions
{
    public static WebApplicationBuilder AddTenants(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<Dictionary<string, TenantOptions>>(builder.Configuration.GetSection("Tenants"));
        builder.Services.AddSingleton<ITenantDirectory, ConfigurationTenantDirectory>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplicationBuilder AddJourneyStorage(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Storage");
        var provider = section.Get<StorageOptions>()?.Provider ?? "sqlite";
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                builder.Services.AddSqliteJourneyStore(section);
                break;
            default:
                throw new OptionsValidationException("Storage", typeof(StorageOptions), [$"Storage:Provider '{provider}' is not supported; use 'sqlite'."]);
        }

        builder.Services.AddHostedService<StorageMigrationService>();
        return builder;
    }

    public static WebApplicationBuilder AddJourneyActors(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Orleans").Get<OrleansOptions>() ?? new OrleansOptions();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, null, options.ServiceId, options.ClusterId));
        return builder;
    }

    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Jobs");
        var options = section.Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        builder.Services.AddHangfireServer(server =>
        {
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.WorkerCount = options.WorkerCount;
        });
        builder.Services.AddJourneyJobs(section);
        return builder;
    }

    public static WebApplicationBuilder AddJourneyDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddDocuments(builder.Configuration.GetSection("Documents"));
        return builder;
    }

    public static WebApplicationBuilder AddJourneyApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection("Api"));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            foreach (var converter in JourneyJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    public static WebApplication UseJourneyApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapJourneyApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthEndpoints();
        // The dashboard's default authorization admits local requests only.
        app.MapHangfireDashboard("/hangfire");

        var tenant = app.MapGroup("/api/v1/tenants/{tenant}")
            .AddEndpointFilter<TenantEndpointFilter>()
            .WithTags("Journeys");
        tenant.MapJourneyEndpoints();
        tenant.MapCaseloadEndpoints();
        tenant.MapDocumentEndpoints();
        return app;
    }
}
