using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.SignIn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// <c>POST /connect/token</c> once OpenIddict has authenticated the client: a system's token carries the tenant and
/// roles it was registered with; a person's (code or refresh token) the tenant they chose and their roles there.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(HttpContext http, ClientRegistry clients, SignInFlow people)
    {
        var request = http.GetOpenIddictServerRequest();
        if (request is not null && (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType()))
        {
            return await RenewAsync(http, people);
        }

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

    /// <summary>
    /// A person's code or refresh token, which OpenIddict has checked (PKCE, client, redirect URI, not spent): the
    /// account must still be enabled, unchanged since (security stamp) and hold roles in the token's tenant; the new
    /// tokens carry the roles as they are now.
    /// </summary>
    private static async Task<IResult> RenewAsync(HttpContext http, SignInFlow people)
    {
        var checkedGrant = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var granted = checkedGrant.Principal;
        var user = granted?.GetClaim(Claims.Subject) is { } subject ? await people.Users.FindByNameAsync(subject) : null;
        if (granted is null || user is null || user.Disabled || granted.GetClaim(PersonPrincipal.StampClaim) != user.SecurityStamp)
        {
            return Refuse(Errors.InvalidGrant, "The account is disabled or has changed since sign-in; sign in again.");
        }

        var tenant = granted.GetClaim(AccessClaims.Tenant) ?? string.Empty;
        if (!(await people.TenantsOfAsync(user, http.RequestAborted)).TryGetValue(tenant, out var roles))
        {
            return Refuse(Errors.InvalidGrant, "The account no longer holds a role in this tenant; sign in again.");
        }

        return Results.SignIn(PersonPrincipal.Create(user, tenant, roles, granted.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>An OAuth error answer (for the token, authorization or end-session endpoint), written by OpenIddict.</summary>
    public static IResult Refuse(string error, string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
