using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Authentication for the API's routes, where only a bearer token signs a caller in: it authenticates with the bearer
/// scheme as ASP.NET Core's authentication middleware does with the default one, without first asking every
/// sign-in protocol's request handler (the token server's endpoints, the federated sign-in callbacks) whether the
/// request is theirs; none has a path under the API. The token server answering that for each API request cost a
/// twentieth of the host's processor time.
/// </summary>
internal sealed class BearerOnlyAuthentication(RequestDelegate next)
{
    /// <summary>The paths this authentication serves (the rest go through the full middleware).</summary>
    public static bool Serves(HttpContext http) => http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext http)
    {
        http.Features.Set<IAuthenticationFeature>(new AuthenticationFeature { OriginalPath = http.Request.Path, OriginalPathBase = http.Request.PathBase });
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Principal is not null)
        {
            http.User = result.Principal;
        }

        if (result.Succeeded)
        {
            // What authorization reads back instead of authenticating again.
            var authenticated = new Authenticated(result);
            http.Features.Set<IHttpAuthenticationFeature>(authenticated);
            http.Features.Set<IAuthenticateResultFeature>(authenticated);
        }

        await next(http);
    }

    private sealed class Authenticated(AuthenticateResult result) : IHttpAuthenticationFeature, IAuthenticateResultFeature
    {
        private AuthenticateResult? _result = result;

        public AuthenticateResult? AuthenticateResult
        {
            get => _result;
            set => _result = value;
        }

        public System.Security.Claims.ClaimsPrincipal? User
        {
            get => _result?.Principal;
            set => _result = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, _result?.Ticket?.AuthenticationScheme ?? JwtBearerDefaults.AuthenticationScheme));
        }
    }
}
