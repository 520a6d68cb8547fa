namespace SocialPrescribing.Host.Features.Plugins;

/// <summary>A plugin found in the plugins folder, loaded or not.</summary>
/// <param name="Id">The id from its manifest, or its folder's name when the manifest has no readable id.</param>
/// <param name="Folder">Its folder in the plugins folder.</param>
/// <param name="Version">Its version, or null when the manifest could not be read.</param>
/// <param name="Name">Its name, or null when the manifest could not be read.</param>
/// <param name="Description">What it does.</param>
/// <param name="Author">Who supports it.</param>
/// <param name="Kinds">The kinds its manifest declares.</param>
/// <param name="Sdk">The SDK range its manifest declares.</param>
/// <param name="Status"><c>loaded</c>, <c>quarantined</c>, <c>incompatible</c>, <c>invalid-manifest</c>, <c>missing-assembly</c>, <c>disabled</c> or <c>duplicate</c>.</param>
/// <param name="Reason">Why it is not loaded; null when it is.</param>
/// <param name="Components">Its components, when loaded.</param>
/// <param name="EnabledFor">The tenants it is enabled for.</param>
internal sealed record PluginResponse(
    string Id,
    string Folder,
    string? Version,
    string? Name,
    string? Description,
    string? Author,
    IReadOnlyList<string> Kinds,
    string? Sdk,
    string Status,
    string? Reason,
    IReadOnlyList<PluginComponentResponse> Components,
    IReadOnlyList<string> EnabledFor);
