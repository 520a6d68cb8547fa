using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>The token server's issuer and keys, loaded once at start-up.</summary>
internal sealed record AccessKeyRing(Uri Issuer, RsaSecurityKey Signing, RsaSecurityKey Encryption, TimeSpan AccessTokenLifetime);
