using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SocialPrescribing.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// <c>POST /connect/token</c> once OpenIddict has authenticated the client: a system's token carries the tenant and
/// roles it was registered with.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(HttpContext http, ClientRegistry clients)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is null || !request.IsClientCredentialsGrantType())
        {
            return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported here.");
        }

        if (await clients.FindAsync(request.ClientId!, http.RequestAborted) is not { } client)
        {
            return Refuse(Errors.InvalidClient, "The client is not registered for a tenant.");
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.ClientId)
            .SetClaim(AccessClaims.Tenant, client.Tenant)
            .SetClaims(Claims.Role, [.. client.Roles]);
        identity.SetScopes(AccessClaims.ApiScope);
        identity.SetAudiences(AccessClaims.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
