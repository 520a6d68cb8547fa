using System.Diagnostics;
using System.Security.Claims;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Application.Access;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>The <see cref="Caller"/> of a request, read from its validated access token.</summary>
internal static class CallerExtensions
{
    private const string ItemKey = "sp.caller";

    /// <summary>The caller, or null when the request carries no valid token for a tenant.</summary>
    public static Caller? GetCaller(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Read once per request: the tenant filter, the rate limiter and the handler all ask.
        if (http.Items.TryGetValue(ItemKey, out var known) && known is Caller cached)
        {
            return cached;
        }

        var caller = Read(http.User);
        if (caller is not null)
        {
            caller = caller with
            {
                RequestId = RequestId(http),
                SourceAddress = http.Connection.RemoteIpAddress?.ToString(),
                Purpose = PurposeOfUse.Parse(http.Request.Headers[PurposeOfUse.Header].FirstOrDefault()),
            };
            http.Items[ItemKey] = caller;
        }

        return caller;
    }

    private static Caller? Read(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirstValue("sub") is not { Length: > 0 } id
            || !TenantId.TryParse(user.FindFirstValue(AccessClaims.Tenant), out var tenant))
        {
            return null;
        }

        return new Caller(
            id,
            user.FindFirstValue(AccessClaims.Name) ?? id,
            tenant,
            user.FindAll(AccessClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            user.FindFirstValue(AccessClaims.ClientId));
    }

    /// <summary>The W3C trace id of the request when it is traced (what the logs and telemetry carry), else the host's request id.</summary>
    public static string RequestId(HttpContext http) =>
        Activity.Current is { TraceId: var trace } && trace != default ? trace.ToHexString() : http.TraceIdentifier;

    /// <summary>The caller of an endpoint behind a policy (which guarantees a valid token for the route's tenant).</summary>
    public static Caller GetRequiredCaller(this HttpContext http) =>
        http.GetCaller() ?? throw new InvalidOperationException("An endpoint that acts for a caller was reached without a valid token.");

    /// <summary>
    /// Who reads the route tenant's community directory: the caller when they belong to it; otherwise (a public
    /// directory, read by a visitor or by a member of another tenant) an anonymous reader of that tenant.
    /// </summary>
    public static Caller GetDirectoryReader(this HttpContext http)
    {
        var tenant = SocialPrescribing.Host.Http.TenantEndpointFilter.GetTenant(http).Id;
        return http.GetCaller() is { } caller && caller.Tenant == tenant
            ? caller
            : new Caller("anonymous", "Anonymous", tenant, new HashSet<string>(StringComparer.Ordinal), null)
            {
                RequestId = RequestId(http),
                SourceAddress = http.Connection.RemoteIpAddress?.ToString(),
            };
    }

    /// <summary>Who acts, as a journey's events record it: the caller's id. Only for endpoints behind a policy.</summary>
    public static string GetActor(this HttpContext http) => http.GetRequiredCaller().Id;
}
