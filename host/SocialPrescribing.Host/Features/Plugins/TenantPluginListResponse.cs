namespace SocialPrescribing.Host.Features.Plugins;

/// <summary><c>GET /api/v1/tenants/{tenant}/plugins</c>: the plugins enabled for the tenant.</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="Plugins">The loaded plugins it enables, by id.</param>
internal sealed record TenantPluginListResponse(string Tenant, IReadOnlyList<TenantPluginResponse> Plugins);
