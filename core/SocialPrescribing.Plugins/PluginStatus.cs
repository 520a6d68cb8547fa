namespace SocialPrescribing.Plugins;

/// <summary>What became of a plugin found in the plugins folder. Only <see cref="Loaded"/> plugins are ever called.</summary>
public enum PluginStatus
{
    /// <summary>Loaded and registered; usable by the tenants that enable it.</summary>
    Loaded,

    /// <summary>Its code misbehaved while it registered (an exception, a hang, a bad entry type or registration).</summary>
    Quarantined,

    /// <summary>It does not fit this host: its SDK range excludes this SDK, or its assembly cannot be loaded.</summary>
    Incompatible,

    /// <summary><c>plugin.json</c> is missing, unreadable or wrong; no code was loaded.</summary>
    InvalidManifest,

    /// <summary>The assembly <c>plugin.json</c> names is not in the plugin's folder.</summary>
    MissingAssembly,

    /// <summary>Turned off by configuration <c>Plugins:Disabled</c>; not loaded.</summary>
    Disabled,

    /// <summary>Another folder, earlier in name order, holds a plugin with the same id; not loaded.</summary>
    Duplicate,
}
