namespace SocialPrescribing.Host.Features.Plugins;

/// <summary>A component a plugin provides.</summary>
/// <param name="Kind">Its kind, for example <c>transport-partner</c>.</param>
/// <param name="Id">Its id, for example <c>contoso-rides</c>.</param>
internal sealed record PluginComponentResponse(string Kind, string Id);
