namespace SocialPrescribing.Plugins;

/// <summary>A plugin found in the plugins folder, loaded or not, with what its manifest says and what became of it.</summary>
public sealed record PluginEntry
{
    /// <summary>
    /// The plugin's id from its manifest, or, when the manifest has no readable id, the name of its folder.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The name of the plugin's folder in the plugins folder.</summary>
    public required string Folder { get; init; }

    /// <summary>What became of the plugin.</summary>
    public required PluginStatus Status { get; init; }

    /// <summary>Why the plugin is not loaded, in plain words; null when it is.</summary>
    public string? Reason { get; init; }

    /// <summary>The manifest, or null when it could not be read.</summary>
    public PluginManifest? Manifest { get; init; }

    /// <summary>The components the plugin provides; empty unless it is loaded.</summary>
    public IReadOnlyList<PluginComponentInfo> Components { get; init; } = [];

    /// <summary>The full name of the plugin's settings type, or null when it takes no settings.</summary>
    public string? SettingsType { get; init; }

    /// <summary>True when the plugin is loaded and may be enabled for tenants.</summary>
    public bool IsLoaded => Status == PluginStatus.Loaded;
}
