using SocialPrescribing.Application.Access;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.Audit;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Guards every <c>/tenants/{tenant}</c> route: a malformed id is a 400 and an unknown one a 404, before
/// any handler runs, and so is a tenant other than the caller's token's. The tenant's settings are then at hand through <see cref="GetTenant"/>.
/// </summary>
internal sealed class TenantEndpointFilter(ITenantDirectory tenants, AuditTrail audit) : IEndpointFilter
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

        // A token is for one tenant: any other is answered as if it did not exist, so nothing of it leaks.
        var caller = http.GetCaller();
        if (tenants.TryGet(id, out var open) && open.PublicDirectory && http.GetEndpoint()?.Metadata.GetMetadata<PublicDirectoryEndpoint>() is not null)
        {
            // A public directory is read as the tenant's, whoever asks: a visitor, or a member of another tenant.
            http.Items[ItemKey] = open;
            return await next(context);
        }

        if (!tenants.TryGet(id, out var settings) || caller?.Tenant != id)
        {
            if (caller is not null)
            {
                // Reaching for another tenant is worth a privacy officer's attention: it goes in the caller's own log.
                await audit.RecordAsync(caller, DeniedRequestAudit.JourneyOf(http), RecordAccess.Refused(DeniedRequestAudit.OtherTenant), allowed: false);
            }

            return Problems.NotFound($"No tenant '{id.Value}' is served here.");
        }

        // A stated purpose goes in the audit log with every access; one the host does not know is refused, not dropped.
        if (http.Request.Headers[PurposeOfUse.Header] is { Count: > 0 } stated && PurposeOfUse.Parse(stated.FirstOrDefault()) is null)
        {
            return Problems.Field(PurposeOfUse.Header, $"One of: {string.Join(", ", PurposeOfUse.All.Keys.Order(StringComparer.Ordinal))}.");
        }

        http.Items[ItemKey] = settings;
        return await next(context);
    }
}

/// <summary>Marks an endpoint of the community directory that a tenant's <c>PublicDirectory</c> opens to anyone.</summary>
internal sealed class PublicDirectoryEndpoint
{
    public static readonly PublicDirectoryEndpoint Instance = new();
}
