namespace SocialPrescribing.Plugins;

/// <summary>The names the API and logs use for <see cref="PluginStatus"/> and <see cref="PluginCallFailure"/>.</summary>
public static class PluginStatusNames
{
    /// <summary>The status as written in the API, for example <c>invalid-manifest</c>.</summary>
    public static string Of(PluginStatus status) => status switch
    {
        PluginStatus.Loaded => "loaded",
        PluginStatus.Quarantined => "quarantined",
        PluginStatus.Incompatible => "incompatible",
        PluginStatus.InvalidManifest => "invalid-manifest",
        PluginStatus.MissingAssembly => "missing-assembly",
        PluginStatus.Disabled => "disabled",
        PluginStatus.Duplicate => "duplicate",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The failure as written in the API and logs, for example <c>circuit-open</c>.</summary>
    public static string Of(PluginCallFailure failure) => failure switch
    {
        PluginCallFailure.Timeout => "timeout",
        PluginCallFailure.CircuitOpen => "circuit-open",
        PluginCallFailure.Faulted => "faulted",
        PluginCallFailure.InvalidResult => "invalid-result",
        PluginCallFailure.Saturated => "saturated",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    };
}
