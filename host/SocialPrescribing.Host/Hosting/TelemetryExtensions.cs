using Hangfire.Common;
using Hangfire.Server;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP when the standard variables name a receiver
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or the traces or metrics one): requests, grain calls (Orleans' activity
/// propagation), PostgreSQL commands, outgoing HTTP, background jobs, plugin calls, the store's meters and the
/// runtime's. Without a receiver nothing is collected. No span or attribute carries personal health information:
/// query strings are redacted, exceptions are not recorded (their messages may quote data), SQL is sent as written
/// (parameters, never their values), and jobs and plugin calls are named by type and operation only.
/// </summary>
internal static class TelemetryExtensions
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> gives none.</summary>
    public const string DefaultServiceName = "social-prescribing";

    private static readonly string[] ReceiverKeys = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    /// <summary>Whether the configuration (environment variables included) names an OTLP receiver.</summary>
    public static bool Exports(IConfiguration configuration) =>
        ReceiverKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        if (!Exports(builder.Configuration))
        {
            return builder;
        }

        builder.Services.AddSingleton<JobTracing>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: builder.Configuration["OTEL_SERVICE_NAME"] ?? DefaultServiceName,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.RecordException = false;
                    // Health probes every few seconds are noise, not traffic.
                    options.Filter = http => !http.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
                })
                .AddHttpClientInstrumentation(options => options.RecordException = false)
                .AddNpgsql()
                .AddSource(Orleans.Diagnostics.ActivitySources.AllActivitySourceName)
                // The host's own: plugin calls (SocialPrescribing.Plugins) and background jobs (SocialPrescribing.Jobs).
                .AddSource("SocialPrescribing.*")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Microsoft.Orleans")
                // The store's figures (SocialPrescribing.Storage.Postgres) and plugin calls (SocialPrescribing.Plugins).
                .AddMeter("SocialPrescribing.*")
                .AddOtlpExporter());
        return builder;
    }
}

/// <summary>
/// A span per background job run (<see cref="SourceName"/>): the job's type and method and its outcome, never its
/// arguments. Hangfire asks <see cref="IJobFilterProvider"/> for the filters of each job, so the host adds this one
/// through its own provider rather than Hangfire's process-wide list.
/// </summary>
internal sealed class JobTracing : IServerFilter
{
    public const string SourceName = "SocialPrescribing.Jobs";

    private const string ActivityKey = "sp.telemetry.activity";

    private static readonly System.Diagnostics.ActivitySource Source = new(SourceName);

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.BackgroundJob.Job;
        var activity = Source.StartActivity($"job {job.Type.Name}.{job.Method.Name}", System.Diagnostics.ActivityKind.Internal);
        activity?.SetTag("sp.job.type", job.Type.Name);
        activity?.SetTag("sp.job.method", job.Method.Name);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ActivityKey, out var item) && item is System.Diagnostics.Activity activity)
        {
            if (context.Exception is { } failed)
            {
                activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, failed.GetType().Name);
            }

            activity.Dispose();
        }
    }
}

/// <summary>Hangfire's filters for a job, and the host's <see cref="JobTracing"/> when telemetry is exported.</summary>
internal sealed class HostJobFilters(IEnumerable<JobTracing> tracing) : IJobFilterProvider
{
    private readonly JobFilter[] _own = [.. tracing.Select(t => new JobFilter(t, JobFilterScope.Global, null))];

    public IEnumerable<JobFilter> GetFilters(Job job) => JobFilterProviders.Providers.GetFilters(job).Concat(_own);
}
