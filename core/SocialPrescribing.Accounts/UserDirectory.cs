using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Built-in accounts as operators and tenant admins manage them: add (or give an existing person roles in another
/// tenant), list, disable, reset. A user added without a password gets a one-time invitation code to choose one.
/// </summary>
public sealed partial class UserDirectory(UserManager<UserAccount> users, AccountsDbContext db)
{
    public async Task<AccountResult> AddAsync(TenantId tenant, string userName, string displayName, IReadOnlyList<string> roles, string? password, CancellationToken cancellationToken = default)
    {
        if (Check(userName, displayName, roles, AccessRoles.All) is { } problem)
        {
            return AccountResult.Fail($"--{problem.Field switch { "userName" => "user", "displayName" => "name", _ => problem.Field }}: {problem.Message}");
        }

        var user = await users.FindByNameAsync(userName!);
        var created = user is null;
        if (user is null)
        {
            user = new UserAccount { UserName = userName, DisplayName = displayName.Trim(), LockoutEnabled = true };
            var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return AccountResult.Fail(Describe(result));
            }
        }
        else if (password is not null)
        {
            return AccountResult.Fail($"--password: the user {userName} exists already; use `users reset` to change a password.");
        }

        await GrantAsync(user, tenant, roles, cancellationToken);
        return created && password is null ? AccountResult.Ok(await users.GeneratePasswordResetTokenAsync(user)) : AccountResult.Ok();
    }

    /// <summary>
    /// A tenant admin's invitation: a new account is created disabled, without a password, with the roles in
    /// <paramref name="tenant"/>, and the result carries the one-time code with which the person chooses a password
    /// (which enables it). An existing account only gets the roles: no code is made for a person another tenant knows
    /// too, or who has a password. An invitation of this tenant's not yet accepted is made again (the person lost the
    /// link, or it expired). <paramref name="grantable"/> bounds the roles.
    /// </summary>
    public async Task<Invitation> InviteAsync(TenantId tenant, string userName, string displayName, IReadOnlyList<string> roles, IReadOnlySet<string> grantable, CancellationToken cancellationToken = default)
    {
        if (Check(userName, displayName, roles, grantable) is { } problem)
        {
            return new Invitation(null, null, problem);
        }

        var user = await users.FindByNameAsync(userName);
        string? code = null;
        if (user is null)
        {
            user = new UserAccount { UserName = userName, DisplayName = displayName.Trim(), LockoutEnabled = true, Disabled = true };
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                return new Invitation(null, null, new FieldProblem("userName", Describe(result)));
            }

            code = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.ProviderName);
        }
        else if (user.Disabled && !await users.HasPasswordAsync(user)
            && !await db.RoleGrants.AnyAsync(g => g.UserId == user.Id && g.Tenant != tenant.Value, cancellationToken))
        {
            // An invitation of this tenant's not yet accepted (expired, lost): a new link, again to the person only.
            code = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.ProviderName);
        }

        await GrantAsync(user, tenant, roles, cancellationToken);
        return new Invitation(user, code, null);
    }

    /// <summary>Accepts an invitation: a valid code sets the first password and enables the account. A used or expired code, or an account that has a password, is refused as an invalid token.</summary>
    public async Task<IdentityResult> AcceptInvitationAsync(string userName, string code, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.HasPasswordAsync(user)
            || !await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.ProviderName, code))
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        var added = await users.AddPasswordAsync(user, password);
        if (!added.Succeeded)
        {
            return added;
        }

        user.Disabled = false;
        return await users.UpdateAsync(user);
    }

    /// <summary>A password reset code for an enabled account, or null (no such account, or disabled): the caller says the same either way.</summary>
    public async Task<(UserAccount User, string Code)?> RequestPasswordResetAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null || user.Disabled ? null : (user, await users.GeneratePasswordResetTokenAsync(user));
    }

    /// <summary>Sets a new password with a reset code; the account's failed attempts and lockout are cleared (the person proved they hold the link).</summary>
    public async Task<IdentityResult> ResetPasswordAsync(string userName, string code, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.Disabled)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }

        var result = await users.ResetPasswordAsync(user, code, password);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            await users.SetLockoutEndDateAsync(user, null);
        }

        return result;
    }

    /// <summary>Every tenant the account holds a role in, with those roles, by tenant id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> TenantsOfAsync(UserAccount user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var grants = await db.RoleGrants.Where(g => g.UserId == user.Id).ToListAsync(cancellationToken);
        return grants.GroupBy(g => g.Tenant, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(x => x.Role).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    private async Task GrantAsync(UserAccount user, TenantId tenant, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        var held = await db.RoleGrants.Where(g => g.UserId == user.Id && g.Tenant == tenant.Value).Select(g => g.Role).ToListAsync(cancellationToken);
        foreach (var role in roles.Distinct(StringComparer.Ordinal).Except(held, StringComparer.Ordinal))
        {
            db.RoleGrants.Add(new TenantRoleGrant { UserId = user.Id, Tenant = tenant.Value, Role = role });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>What is wrong with an account's name, display name or roles, by field (userName, displayName, roles); null when nothing.</summary>
    private static FieldProblem? Check(string? userName, string? displayName, IReadOnlyList<string>? roles, IReadOnlySet<string> grantable)
    {
        if (!UserNamePattern().IsMatch(userName ?? string.Empty))
        {
            return new FieldProblem("userName", "1 to 64 letters, digits and . _ @ - (it is the sign-in name).");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200 || displayName.Any(char.IsControl))
        {
            return new FieldProblem("displayName", "1 to 200 characters, no control characters.");
        }

        if (roles is null || roles.Count == 0 || roles.Any(role => !grantable.Contains(role)))
        {
            return new FieldProblem("roles", $"one or more of {string.Join(", ", grantable.Order(StringComparer.Ordinal))}.");
        }

        return null;
    }

    /// <summary>The accounts holding a role in <paramref name="tenant"/> (every account when null), by sign-in name.</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(TenantId? tenant, CancellationToken cancellationToken = default)
    {
        var grants = await db.RoleGrants.Where(g => tenant == null || g.Tenant == tenant.Value.Value).ToListAsync(cancellationToken);
        var ids = grants.Select(g => g.UserId).ToHashSet(StringComparer.Ordinal);
        var accounts = await db.Users.Where(u => tenant == null || ids.Contains(u.Id)).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. accounts.Select(u => new AccountSummary(
            u.UserName!,
            u.DisplayName,
            u.Disabled,
            u.TwoFactorEnabled,
            [.. grants.Where(g => g.UserId == u.Id).Select(g => tenant is null ? $"{g.Tenant}:{g.Role}" : g.Role).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The enabled accounts that hold <paramref name="role"/> in <paramref name="tenant"/>: sign-in name, display name and e-mail.</summary>
    public async Task<IReadOnlyList<(string UserName, string DisplayName, string? Email)>> HoldersOfAsync(
        TenantId tenant, string role, CancellationToken cancellationToken = default)
    {
        var ids = await db.RoleGrants.Where(g => g.Tenant == tenant.Value && g.Role == role).Select(g => g.UserId).ToListAsync(cancellationToken);
        var accounts = await db.Users.Where(u => ids.Contains(u.Id) && !u.Disabled).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. accounts.Select(u => (u.UserName!, u.DisplayName, u.Email))];
    }

    /// <summary>
    /// Takes every role the account holds in <paramref name="tenant"/> away (its roles in other tenants stay) and ends
    /// its sessions, so it reaches nothing of the tenant from its next request on.
    /// </summary>
    public async Task<AccountResult> RemoveFromTenantAsync(TenantId tenant, string userName, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        var grants = user is null ? [] : await db.RoleGrants.Where(g => g.UserId == user.Id && g.Tenant == tenant.Value).ToListAsync(cancellationToken);
        if (user is null || grants.Count == 0)
        {
            return AccountResult.Fail($"userName: no account named {userName} holds a role in {tenant.Value}.");
        }

        db.RoleGrants.RemoveRange(grants);
        await db.SaveChangesAsync(cancellationToken);
        await users.UpdateSecurityStampAsync(user);
        return AccountResult.Ok();
    }

    public async Task<AccountResult> DisableAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountResult.Fail($"--user: no account named {userName}.");
        }

        user.Disabled = true;
        await users.UpdateSecurityStampAsync(user);
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? AccountResult.Ok() : AccountResult.Fail(Describe(result));
    }

    /// <summary>Clears the password (and lockout) and returns a one-time code with which the person chooses a new one.</summary>
    public async Task<AccountResult> ResetAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return AccountResult.Fail($"--user: no account named {userName}.");
        }

        await users.RemovePasswordAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return AccountResult.Ok(await users.GeneratePasswordResetTokenAsync(user));
    }

    /// <summary>An enabled account and the roles it holds in <paramref name="tenant"/>; null when there is no such account or it holds none there.</summary>
    public async Task<(UserAccount User, IReadOnlyList<string> Roles)?> FindForTenantAsync(string userName, TenantId tenant, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || user.Disabled)
        {
            return null;
        }

        var roles = await db.RoleGrants.Where(g => g.UserId == user.Id && g.Tenant == tenant.Value).Select(g => g.Role).OrderBy(r => r).ToListAsync(cancellationToken);
        return roles.Count == 0 ? null : (user, roles);
    }

    public async Task<bool> ExistsAsync(string userName) => await users.FindByNameAsync(userName) is not null;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserNamePattern();
}
