using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Metadata;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// Records a request the door refused to a signed-in caller (their role does not reach the endpoint) as a denied
/// access in their tenant's audit log, naming the record when the route names one, then lets the default handler
/// answer 403. Requests without a valid token have no tenant to log to; they are counted by the edge, not here.
/// </summary>
internal sealed class DeniedRequestAudit(AuditTrail audit) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The category of a request for another tenant's routes.</summary>
    public const string OtherTenant = "other-tenant";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetCaller() is { } caller)
        {
            // Another tenant's routes are answered as if the tenant did not exist, whatever the role: a 403 would
            // say there is something there to be refused.
            if (context.GetRouteValue("tenant") is string tenant && !string.Equals(tenant, caller.Tenant.Value, StringComparison.Ordinal))
            {
                await audit.RecordAsync(caller, JourneyOf(context), RecordAccess.Refused(OtherTenant), allowed: false);
                await Problems.NotFound($"No tenant '{tenant}' is served here.").ExecuteAsync(context);
                return;
            }

            await audit.RecordAsync(caller, JourneyOf(context), RecordAccess.Refused(CategoryOf(context)), allowed: false);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>The journey the route names, if it names one.</summary>
    public static Guid? JourneyOf(HttpContext context) =>
        context.GetRouteValue("journeyId") is string text && Guid.TryParse(text, out var id) && id != Guid.Empty ? id : null;

    /// <summary>The kind of information asked for: the endpoint's first tag in kebab case (journeys, assessments…), else "request".</summary>
    private static string CategoryOf(HttpContext context)
    {
        var tags = context.GetEndpoint()?.Metadata.GetMetadata<ITagsMetadata>()?.Tags;
        var tag = tags is { Count: > 0 } ? tags[0] : null;
        return tag is { Length: > 0 and <= 32 } && tag.All(char.IsAsciiLetter) ? JsonNamingPolicy.KebabCaseLower.ConvertName(tag) : "request";
    }
}
