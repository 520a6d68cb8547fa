namespace SocialPrescribing.Host.Features.Plugins;

/// <summary>A plugin enabled for a tenant.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it does.</param>
/// <param name="Kinds">The kinds it provides.</param>
/// <param name="Components">Its components.</param>
/// <param name="Calls">How calls into it for this tenant have gone.</param>
internal sealed record TenantPluginResponse(
    string Id,
    string Version,
    string Name,
    string Description,
    IReadOnlyList<string> Kinds,
    IReadOnlyList<PluginComponentResponse> Components,
    PluginCallsResponse Calls);
