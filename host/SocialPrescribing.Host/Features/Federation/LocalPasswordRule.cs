using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.Federation;

/// <summary>
/// A password works for an account that holds roles in at least one tenant taking passwords (or in none yet); an
/// account only of tenants with <c>Federation:LocalPasswords: false</c> signs in at their provider.
/// </summary>
internal sealed class LocalPasswordRule(FederationDirectory federation, UserDirectory directory) : IPasswordSignInRule
{
    public async Task<bool> AllowsPasswordAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        var tenants = await directory.TenantsOfAsync(user, cancellationToken);
        return tenants.Count == 0 || tenants.Keys.Any(federation.AllowsLocalPasswords);
    }
}
