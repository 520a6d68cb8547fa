namespace SocialPrescribing.Host.Features.Plugins;

/// <summary><c>GET /api/v1/plugins</c>: every plugin found, with its status.</summary>
/// <param name="SdkVersion">The version of the SDK this host runs, which plugin manifests are checked against.</param>
/// <param name="Directory">The folder plugins were looked for in.</param>
/// <param name="Plugins">Every plugin found, in folder name order.</param>
internal sealed record PluginListResponse(string SdkVersion, string Directory, IReadOnlyList<PluginResponse> Plugins);
