namespace SocialPrescribing.Accounts;

/// <summary>The claims of an access token the host reads, beside the registered ones (<c>sub</c>, <c>name</c>, <c>role</c>, <c>client_id</c>).</summary>
public static class AccessClaims
{
    /// <summary>The one tenant a token is for; a person who works for several chooses at sign-in.</summary>
    public const string Tenant = "sp_tenant";

    /// <summary>The audience of every access token the host issues, and the only one its API accepts.</summary>
    public const string ApiAudience = "social-prescribing-api";

    /// <summary>The scope that grants use of the API.</summary>
    public const string ApiScope = "api";
}
