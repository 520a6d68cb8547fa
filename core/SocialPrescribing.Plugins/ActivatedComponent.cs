namespace SocialPrescribing.Plugins;

/// <summary>A component instance created for one tenant, with the plugin and declaration it came from.</summary>
internal sealed record ActivatedComponent(LoadedPlugin Plugin, ComponentDeclaration Declaration, object Instance);
