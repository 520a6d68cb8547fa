using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>A plugin whose code loaded and registered cleanly: what is needed to build a provider per tenant.</summary>
internal sealed class LoadedPlugin
{
    public required PluginManifest Manifest { get; init; }

    public required string Folder { get; init; }

    public required PluginContext Context { get; init; }

    public required Type? SettingsType { get; init; }

    /// <summary>The plugin's registrations, copied into each tenant's provider.</summary>
    public required IReadOnlyList<ServiceDescriptor> Services { get; init; }

    /// <summary>The kind components, in registration order per contract.</summary>
    public required IReadOnlyList<ComponentDeclaration> Components { get; init; }

    public PluginEntry ToEntry() => new()
    {
        Id = Manifest.Id,
        Folder = Folder,
        Status = PluginStatus.Loaded,
        Manifest = Manifest,
        Components = [.. Components.Select(c => new PluginComponentInfo(c.Kind, c.Id, c.Type.FullName ?? c.Type.Name))],
        SettingsType = SettingsType?.FullName,
    };
}
