using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Guards every <c>/tenants/{tenant}</c> route: a malformed id is a 400 and an unknown one a 404, before
/// any handler runs. The tenant's settings are then at hand through <see cref="GetTenant"/>.
/// </summary>
internal sealed class TenantEndpointFilter(ITenantDirectory tenants) : IEndpointFilter
{
    private const string ItemKey = "sp.tenant";

    public static TenantSettings GetTenant(HttpContext http) =>
        (TenantSettings)http.Items[ItemKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var text = http.GetRouteValue("tenant") as string;
        if (!TenantId.TryParse(text, out var id))
        {
            return Problems.Field("tenant", "A tenant id is 2 to 32 characters of a-z, 0-9 and '-'.");
        }

        if (!tenants.TryGet(id, out var settings))
        {
            return Problems.NotFound($"No tenant '{id.Value}' is served here.");
        }

        http.Items[ItemKey] = settings;
        return await next(context);
    }
}
