using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>Access tokens made in the host's own process, for <c>token --tenant T --user U</c>, with the token endpoint's issuer and key.</summary>
internal sealed class AccessTokenIssuer(AccessKeyRing keys)
{
    /// <summary>The client id of tokens printed by the host's own <c>token</c> command.</summary>
    public const string CommandClient = "sp-cli";

    public string Issue(string subject, string name, TenantId tenant, IReadOnlyList<string> roles) =>
        AccessTokenMinter.Issue(keys.Issuer, keys.Signing, keys.AccessTokenLifetime, subject, name, tenant.Value, roles, CommandClient);
}
