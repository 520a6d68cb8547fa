namespace SocialPrescribing.Host.Features.Access;

/// <summary>Names in the access tokens the host issues and reads, as OAuth and OpenID Connect spell them.</summary>
internal static class AccessTokens
{
    /// <summary>The <c>typ</c> of an OAuth access token in JWT form (RFC 9068); other JWTs are refused.</summary>
    public const string JwtType = "at+jwt";

    public const string Name = "name";

    public const string Role = "role";

    public const string Scope = "scope";

    public const string ClientId = "client_id";

    /// <summary>The client id of tokens printed by the host's own <c>token</c> command.</summary>
    public const string CommandClient = "sp-cli";
}
