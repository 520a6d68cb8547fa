namespace SocialPrescribing.Abstractions.Plugins;

/// <summary>
/// The tenant a plugin's service provider was built for. Each tenant that enables a plugin gets its own
/// provider, so a component that takes a <see cref="PluginTenant"/> serves exactly one tenant.
/// </summary>
/// <param name="Id">The tenant, for example <c>ab</c>.</param>
public sealed record PluginTenant(TenantId Id);
