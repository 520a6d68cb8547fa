using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Makes an access token in process, exactly as the token endpoint's look: an RFC 9068 JWT (<c>typ: at+jwt</c>) signed
/// RS256, for the API audience, with the caller's tenant and roles. Lifetimes follow the real clock.
/// </summary>
public static class AccessTokenMinter
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static string Issue(Uri issuer, SecurityKey signingKey, TimeSpan lifetime, string subject, string name, string tenant, IEnumerable<string> roles, string client)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.AbsoluteUri,
            Audience = AccessClaims.ApiAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            TokenType = AccessClaims.JwtType,
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject,
                [AccessClaims.Name] = name,
                [AccessClaims.Tenant] = tenant,
                [AccessClaims.Role] = roles.ToArray(),
                [AccessClaims.Scope] = AccessClaims.ApiScope,
                [AccessClaims.ClientId] = client,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
    }
}
