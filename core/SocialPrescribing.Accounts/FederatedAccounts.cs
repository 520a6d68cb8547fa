using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Accounts of people a tenant's own identity provider signs in: found by their link (Identity's external logins, one
/// per provider and subject, the issuer kept beside it), else matched or made as the tenant's policy says; their roles
/// in that tenant are what the provider's claims map to, replaced on every sign-in.
/// </summary>
public sealed partial class FederatedAccounts(UserManager<UserAccount> users, AccountsDbContext db)
{
    /// <summary>
    /// The account for <paramref name="who"/> in <paramref name="tenant"/>, holding exactly <paramref name="roles"/>
    /// there afterwards. Without a link, an account is matched by e-mail (its address or its sign-in name) only when
    /// the provider has not said the address is unverified, exactly one account has it, that account holds roles in
    /// this tenant and no other, and no other person of this provider is linked to it: a provider trusted by one
    /// tenant never takes over another tenant's people. A match still waiting on its invitation is enabled.
    /// With <paramref name="create"/>, a person nobody matches gets a new account. No mapped role is a refusal, and an
    /// account found then loses its roles in the tenant (the provider took them away).
    /// </summary>
    public async Task<FederatedSignInResult> SignInAsync(
        TenantId tenant, ExternalIdentity who, IReadOnlyList<string> roles, bool create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(roles);
        var granted = roles.Where(AccessRoles.TenantGrantable.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var user = await FindLinkedAsync(who);
        if (user is not null)
        {
            await RefreshAsync(user, who);
        }

        user ??= await MatchAsync(tenant, who, cancellationToken);
        var created = false;
        if (user is null)
        {
            if (granted.Count == 0)
            {
                return FederatedSignInResult.Refused(SignInFailure.NoMappedRole);
            }

            if (!create)
            {
                return FederatedSignInResult.Refused(SignInFailure.UnknownPerson);
            }

            user = await CreateAsync(tenant, who);
            if (user is null)
            {
                return FederatedSignInResult.Refused(SignInFailure.UnknownPerson);
            }

            created = true;
        }

        if (user.Disabled && !await AwaitsInvitationAsync(user))
        {
            return FederatedSignInResult.Refused(SignInFailure.NotAllowed, user);
        }

        await SetRolesAsync(user, tenant, granted, cancellationToken);
        if (granted.Count == 0)
        {
            return FederatedSignInResult.Refused(SignInFailure.NoMappedRole, user);
        }

        if (user.Disabled)
        {
            // The invitation is accepted by signing in at the program's own provider instead of choosing a password.
            user.Disabled = false;
            await users.UpdateAsync(user);
        }

        if (!(await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == who.LoginProvider && l.ProviderKey == who.Subject))
        {
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(who.LoginProvider, who.Subject, who.Issuer));
            if (!linked.Succeeded)
            {
                return FederatedSignInResult.Refused(SignInFailure.UnknownPerson, user);
            }
        }

        return new FederatedSignInResult(user, null, created);
    }

    /// <summary>The account linked to this provider's subject under this issuer; a link left from another issuer is removed.</summary>
    private async Task<UserAccount?> FindLinkedAsync(ExternalIdentity who)
    {
        var user = await users.FindByLoginAsync(who.LoginProvider, who.Subject);
        if (user is null)
        {
            return null;
        }

        var login = (await users.GetLoginsAsync(user)).First(l => l.LoginProvider == who.LoginProvider && l.ProviderKey == who.Subject);
        if (string.Equals(login.ProviderDisplayName, who.Issuer, StringComparison.Ordinal))
        {
            return user;
        }

        // The tenant moved to another provider: the same subject there may be someone else.
        await users.RemoveLoginAsync(user, who.LoginProvider, who.Subject);
        return null;
    }

    private async Task<UserAccount?> MatchAsync(TenantId tenant, ExternalIdentity who, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(who.Email) || who.EmailVerified == false)
        {
            return null;
        }

        var email = users.NormalizeEmail(who.Email.Trim());
        var name = users.NormalizeName(who.Email.Trim());
        var candidates = await db.Users.Where(u => u.NormalizedEmail == email || u.NormalizedUserName == name).Take(2).ToListAsync(cancellationToken);
        if (candidates is not [var user])
        {
            return null;
        }

        var tenants = await db.RoleGrants.Where(g => g.UserId == user.Id).Select(g => g.Tenant).Distinct().ToListAsync(cancellationToken);
        if (tenants is not [var only] || only != tenant.Value)
        {
            return null;
        }

        return (await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == who.LoginProvider) ? null : user;
    }

    /// <summary>A new account: named by the e-mail address when it is a free, valid sign-in name, else by tenant and a digest of issuer and subject.</summary>
    private async Task<UserAccount?> CreateAsync(TenantId tenant, ExternalIdentity who)
    {
        var email = who.Email?.Trim();
        var userName = email is { Length: > 0 } && UserNamePattern().IsMatch(email) && await users.FindByNameAsync(email) is null
            ? email
            : $"{tenant.Value}.{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(who.Issuer + "\n" + who.Subject)))[..16]}";
        var user = new UserAccount
        {
            UserName = userName,
            DisplayName = CleanDisplayName(who.DisplayName ?? email) ?? userName,
            Email = email is { Length: > 0 } ? email : null,
            EmailConfirmed = who.EmailVerified == true,
            LockoutEnabled = true,
        };
        return (await users.CreateAsync(user)).Succeeded ? user : null;
    }

    /// <summary>
    /// A linked person's name and verified address follow the provider, which is where the program keeps them: a
    /// name changed there shows on documents and in the console from the next sign-in.
    /// </summary>
    private async Task RefreshAsync(UserAccount user, ExternalIdentity who)
    {
        var changed = false;
        if (CleanDisplayName(who.DisplayName) is { } name && !string.Equals(name, user.DisplayName, StringComparison.Ordinal))
        {
            user.DisplayName = name;
            changed = true;
        }

        if (who.EmailVerified == true && who.Email?.Trim() is { Length: > 0 } email && !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            user.Email = email;
            user.NormalizedEmail = users.NormalizeEmail(email);
            user.EmailConfirmed = true;
            changed = true;
        }

        if (changed && !(await users.UpdateAsync(user)).Succeeded)
        {
            // An address another account already holds, say: the person still signs in, under what was kept.
            await db.Entry(user).ReloadAsync();
        }
    }

    /// <summary>The name without control characters, cut to 200 characters; null when nothing is left.</summary>
    private static string? CleanDisplayName(string? name)
    {
        var cleaned = new string((name ?? string.Empty).Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? null : cleaned.Length > 200 ? cleaned[..200] : cleaned;
    }

    /// <summary>Made by an invitation not yet accepted: disabled, without a password or any link (an account disabled by an admin has one or the other).</summary>
    private async Task<bool> AwaitsInvitationAsync(UserAccount user) =>
        !await users.HasPasswordAsync(user) && (await users.GetLoginsAsync(user)).Count == 0;

    private async Task SetRolesAsync(UserAccount user, TenantId tenant, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var held = await db.RoleGrants.Where(g => g.UserId == user.Id && g.Tenant == tenant.Value).ToListAsync(cancellationToken);
        db.RoleGrants.RemoveRange(held.Where(g => !roles.Contains(g.Role, StringComparer.Ordinal)));
        foreach (var role in roles.Except(held.Select(g => g.Role), StringComparer.Ordinal))
        {
            db.RoleGrants.Add(new TenantRoleGrant { UserId = user.Id, Tenant = tenant.Value, Role = role });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
