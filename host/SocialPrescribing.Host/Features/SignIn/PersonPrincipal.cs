using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using SocialPrescribing.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// What a person's tokens say: their sign-in name (<c>sub</c>, as journeys record the actor), display name, the one
/// tenant and their roles there, for the API audience. The account's security stamp rides along in the code and
/// refresh token only (no destination), so a refresh after a password change, a new second factor or a disable is refused.
/// </summary>
internal static class PersonPrincipal
{
    public const string StampClaim = "sp_stamp";

    public static ClaimsPrincipal Create(UserAccount user, string tenant, IReadOnlyList<string> roles, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.UserName)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(AccessClaims.Tenant, tenant)
            .SetClaim(StampClaim, user.SecurityStamp)
            .SetClaims(Claims.Role, [.. roles]);
        identity.SetScopes(scopes);
        identity.SetAudiences(AccessClaims.ApiAudience);
        identity.SetDestinations(claim => claim.Type switch
        {
            StampClaim => [],
            Claims.Subject or Claims.Name or AccessClaims.Tenant or Claims.Role => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
