using System.Collections.Frozen;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Host.Features.Federation;

/// <summary>One tenant's checked federation settings and the authentication scheme that signs its people in.</summary>
internal sealed record FederatedTenant(
    TenantId Tenant,
    Uri Authority,
    string ClientId,
    string? ClientSecret,
    string DisplayName,
    IReadOnlyList<string> Scopes,
    string ResponseMode,
    string SubjectClaim,
    string NameClaim,
    string EmailClaim,
    string RoleClaim,
    FrozenDictionary<string, IReadOnlyList<string>> RoleMap,
    bool CreateAccounts,
    bool LocalPasswords)
{
    public const string SchemePrefix = "oidc-";

    /// <summary>The authentication scheme, and the login provider its people's links are stored under: <c>oidc-&lt;tenant&gt;</c>.</summary>
    public string Scheme => SchemePrefix + Tenant.Value;

    /// <summary>Where the provider sends the person back (registered at the provider as <c>{host}/account/federated/{tenant}/callback</c>).</summary>
    public string CallbackPath => $"/account/federated/{Tenant.Value}/callback";

    /// <summary>The roles here that the provider's values of <see cref="RoleClaim"/> map to.</summary>
    public IReadOnlyList<string> RolesFor(IEnumerable<string> values) =>
        [.. values.SelectMany(v => RoleMap.TryGetValue(v, out var roles) ? roles : []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The issuer as the provider writes it in tokens, with or without its trailing slash.</summary>
    public bool IsIssuer(string? issuer) =>
        issuer is not null && string.Equals(issuer.TrimEnd('/'), Authority.AbsoluteUri.TrimEnd('/'), StringComparison.Ordinal);
}
