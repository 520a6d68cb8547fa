using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// Access tokens made in the host's own process, for <c>token --tenant T --user U</c>: the same issuer, audience,
/// type, key and claims as the token endpoint's, so the API cannot tell them apart. Token lifetimes follow the real
/// clock, never a test's fake one.
/// </summary>
internal sealed class AccessTokenIssuer(AccessKeyRing keys)
{
    private readonly JsonWebTokenHandler _handler = new();

    public string Issue(string subject, string name, TenantId tenant, IReadOnlyList<string> roles, string client)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = keys.Issuer.AbsoluteUri,
            Audience = AccessClaims.ApiAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + keys.AccessTokenLifetime,
            TokenType = AccessTokens.JwtType,
            SigningCredentials = new SigningCredentials(keys.Signing, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [AccessTokens.Name] = name,
                [AccessClaims.Tenant] = tenant.Value,
                [AccessTokens.Role] = roles.ToArray(),
                [AccessTokens.Scope] = AccessClaims.ApiScope,
                [AccessTokens.ClientId] = client,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
