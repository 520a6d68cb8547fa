namespace SocialPrescribing.Host.Features.Federation;

/// <summary>
/// Configuration section <c>Tenants:{tenant}:Federation</c>: the tenant's own OpenID Connect provider, which its people
/// sign in with instead of (or beside) a password here. Checked at start-up: a mistake stops the host with the key named.
/// </summary>
public sealed class FederationOptions
{
    /// <summary>The provider's issuer, where its discovery document is (<c>/.well-known/openid-configuration</c>). https; http only in Development and Testing. Required.</summary>
    public string? Authority { get; set; }

    /// <summary>This host's client id at the provider; id tokens must be addressed to it (audience). Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, when the provider registered this host as a confidential client. Optional: PKCE is used either way.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name on the sign-in button ("Sign in with {DisplayName}"). Required.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c> (for example <c>profile</c>, <c>email</c>, <c>groups</c>). Default none.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>How the provider sends the code back: <c>form_post</c> (default; the code stays out of addresses and history) or <c>query</c>.</summary>
    public string ResponseMode { get; set; } = "form_post";

    /// <summary>The claim holding the provider's stable id of the person. Default <c>sub</c>.</summary>
    public string SubjectClaim { get; set; } = "sub";

    /// <summary>The claim holding the person's name, shown to others. Default <c>name</c>.</summary>
    public string NameClaim { get; set; } = "name";

    /// <summary>The claim holding the person's e-mail address, used to match an existing account and to name a new one. Default <c>email</c>.</summary>
    public string EmailClaim { get; set; } = "email";

    /// <summary>The claim whose values <see cref="RoleMap"/> maps (for example <c>groups</c> or <c>roles</c>). Default <c>role</c>.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// From a value of <see cref="RoleClaim"/> at the provider to this tenant's roles, comma-separated
    /// (<c>"care-coordinators": "link-worker"</c>, <c>"leads": "link-worker,supervisor"</c>). Tenant roles only, never
    /// <c>operator</c>. A person none of whose values is here is refused. Required: at least one entry.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>match-only</c> (default): the person must already have an account here, linked at an earlier sign-in or
    /// matched by e-mail (an invitation named by the person's address). <c>create</c>: an account is made at the first sign-in.
    /// </summary>
    public string Provisioning { get; set; } = FederationProvisioning.MatchOnly;

    /// <summary>
    /// Whether the tenant's people may also sign in here with a password. Default true. When false, a password is
    /// refused for an account that holds roles in this tenant only, and a password session never reaches this tenant.
    /// </summary>
    public bool LocalPasswords { get; set; } = true;
}
