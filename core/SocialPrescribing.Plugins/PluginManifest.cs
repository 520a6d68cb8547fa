namespace SocialPrescribing.Plugins;

/// <summary>
/// A plugin's <c>plugin.json</c>, read and checked before any of its code is loaded.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "id": "contoso-rides",
///   "version": "1.0.0",
///   "name": "Contoso Rides",
///   "description": "Books community rides with Contoso.",
///   "author": "Contoso Ltd.",
///   "kinds": ["transport-partner"],
///   "sdk": "[1.0,2.0)",
///   "assembly": "Contoso.Rides.dll"
/// }
/// </code>
/// </remarks>
public sealed record PluginManifest
{
    /// <summary>The file name of the manifest in a plugin's folder.</summary>
    public const string FileName = "plugin.json";

    /// <summary>
    /// The plugin's id: 1 to 64 lower-case letters, digits and hyphens, starting and ending with a letter or digit.
    /// Tenants enable the plugin by it (<c>Tenants:&lt;tenant&gt;:Plugins:&lt;id&gt;</c>).
    /// </summary>
    public required string Id { get; init; }

    /// <summary>The plugin's semantic version, for example <c>1.2.0</c> or <c>2.0.0-beta.1</c>.</summary>
    public required string Version { get; init; }

    /// <summary>The plugin's name as shown to people.</summary>
    public required string Name { get; init; }

    /// <summary>What the plugin does, or empty.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Who wrote and supports the plugin, or empty.</summary>
    public string Author { get; init; } = string.Empty;

    /// <summary>The kinds of component the plugin provides, from <c>PluginKinds.All</c>; at least one.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>The SDK versions the plugin supports.</summary>
    public required SdkVersionRange Sdk { get; init; }

    /// <summary>The file name of the plugin's main assembly, in the plugin's folder, for example <c>Contoso.Rides.dll</c>.</summary>
    public required string Assembly { get; init; }
}
