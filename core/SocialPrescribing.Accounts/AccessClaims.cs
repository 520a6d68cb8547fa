namespace SocialPrescribing.Accounts;

/// <summary>The claims of an access token the host reads, and the names of the registered ones it reads.</summary>
public static class AccessClaims
{
    /// <summary>The one tenant a token is for; a person who works for several chooses at sign-in.</summary>
    public const string Tenant = "sp_tenant";

    /// <summary>The audience of every access token the host issues, and the only one its API accepts.</summary>
    public const string ApiAudience = "social-prescribing-api";

    /// <summary>The scope that grants use of the API.</summary>
    public const string ApiScope = "api";

    /// <summary>The issuer a Development host uses when <c>Access:Issuer</c> is not set.</summary>
    public static readonly Uri DevelopmentIssuer = new("http://localhost:5080/");

    /// <summary>The <c>typ</c> of an OAuth access token in JWT form (RFC 9068); other JWTs are refused.</summary>
    public const string JwtType = "at+jwt";

    public const string Name = "name";

    public const string Role = "role";

    public const string Scope = "scope";

    public const string ClientId = "client_id";
}
