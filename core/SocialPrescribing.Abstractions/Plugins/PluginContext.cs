namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>What the host tells a plugin about itself when it calls <see cref="IPluginStartup.ConfigureServices"/>.</summary>
/// <remarks>The same instance is also available from the plugin's service provider.</remarks>
public sealed record PluginContext
{
    /// <summary>The plugin's id from <c>plugin.json</c>, for example <c>contoso-rides</c>.</summary>
    public required string PluginId { get; init; }

    /// <summary>The plugin's version from <c>plugin.json</c>, for example <c>1.2.0</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The full path of the plugin's folder, for files the plugin ships beside its assembly.</summary>
    public required string Directory { get; init; }

    /// <summary>The version of the SDK the host runs, which the plugin's manifest range accepted.</summary>
    public required Version SdkVersion { get; init; }
}
