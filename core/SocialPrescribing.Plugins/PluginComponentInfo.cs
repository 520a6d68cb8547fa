namespace SocialPrescribing.Plugins;

/// <summary>One component a loaded plugin provides, as its kind attribute describes it.</summary>
/// <param name="Kind">The component's kind, for example <c>transport-partner</c>.</param>
/// <param name="Id">The component's id from its attribute, for example <c>contoso-rides</c>.</param>
/// <param name="TypeName">The full name of the component's class, for operators.</param>
public sealed record PluginComponentInfo(string Kind, string Id, string TypeName);
