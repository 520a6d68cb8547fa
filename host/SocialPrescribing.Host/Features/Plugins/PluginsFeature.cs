using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Plugins;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Plugins;

/// <summary>
/// <c>GET /api/v1/plugins</c> (operators: every plugin found and why one is not loaded) and
/// <c>GET /api/v1/tenants/{tenant}/plugins</c> (the plugins a tenant has).
/// </summary>
internal static class PluginsFeature
{
    public static IEndpointRouteBuilder MapPlugins(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plugins", ListPlugins)
            .RequireAuthorization(AccessPolicies.Administration)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListPlugins")
            .WithTags("Plugins")
            .WithSummary("Every plugin in the plugins folder: id, version, kinds, status (loaded, quarantined, incompatible, …) and why one is not loaded.")
            .Produces<PluginListResponse>();

        app.MapTenantApi()
            .WithTags("Plugins")
            .MapGet("/plugins", ListTenantPlugins)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ListTenantPlugins")
            .WithSummary("The loaded plugins the tenant enables, with their kinds, components and call health.")
            .Produces<TenantPluginListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static PluginListResponse ListPlugins(IPluginCatalog catalog, ITenantDirectory tenants)
    {
        var tenantIds = tenants.All.Select(t => t.Id).OrderBy(t => t.Value, StringComparer.Ordinal).ToList();
        return new PluginListResponse(
            SdkVersion.Current.ToString(3),
            catalog.Directory,
            [.. catalog.Plugins.Select(p => new PluginResponse(
                p.Id,
                p.Folder,
                p.Manifest?.Version,
                p.Manifest?.Name,
                p.Manifest?.Description,
                p.Manifest?.Author,
                p.Manifest?.Kinds ?? [],
                p.Manifest?.Sdk.Text,
                PluginStatusNames.Of(p.Status),
                p.Reason,
                Components(p),
                [.. tenantIds.Where(t => p.IsLoaded && catalog.IsEnabled(t, p.Id)).Select(t => t.Value)]))]);
    }

    private static TenantPluginListResponse ListTenantPlugins(HttpContext http, IPluginCatalog catalog, IPluginInvoker invoker)
    {
        var tenant = TenantEndpointFilter.GetTenant(http).Id;
        return new TenantPluginListResponse(
            tenant.Value,
            [.. catalog.EnabledFor(tenant).Select(p =>
            {
                var health = invoker.Health(p.Id, tenant);
                return new TenantPluginResponse(
                    p.Id,
                    p.Manifest!.Version,
                    p.Manifest.Name,
                    p.Manifest.Description,
                    p.Manifest.Kinds,
                    Components(p),
                    new PluginCallsResponse(
                        health.Calls,
                        health.Failures,
                        health.Running,
                        health.Circuit,
                        health.LastFailure is { } failure ? PluginStatusNames.Of(failure) : null,
                        health.LastFailureAt));
            })]);
    }

    private static List<PluginComponentResponse> Components(PluginEntry plugin) =>
        [.. plugin.Components.Select(c => new PluginComponentResponse(c.Kind, c.Id))];
}
