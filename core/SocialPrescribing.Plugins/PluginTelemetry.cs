using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Plugin calls as telemetry (<see cref="SourceName"/>, for its spans and its meter): a span per call named by plugin
/// and operation, and a count of calls by plugin, operation and outcome. Nothing a plugin is given or answers is
/// recorded, nor any exception's message.
/// </summary>
public static class PluginTelemetry
{
    public const string SourceName = "SocialPrescribing.Plugins";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("sp.plugin.calls", unit: "{call}", description: "Calls into plugins, by plugin, operation and outcome.");

    internal static Activity? Start(string pluginId, string operation, string tenant)
    {
        var activity = Source.StartActivity($"plugin {pluginId} {operation}", ActivityKind.Client);
        activity?.SetTag("sp.plugin.id", pluginId);
        activity?.SetTag("sp.plugin.operation", operation);
        activity?.SetTag("sp.tenant", tenant);
        return activity;
    }

    internal static void End(Activity? activity, string pluginId, string operation, string outcome)
    {
        if (activity is not null)
        {
            activity.SetTag("sp.plugin.outcome", outcome);
            if (outcome != "ok")
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }

        Calls.Add(1, new("sp.plugin.id", pluginId), new("sp.plugin.operation", operation), new("sp.plugin.outcome", outcome));
    }
}
