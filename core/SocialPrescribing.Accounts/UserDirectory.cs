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
        ArgumentNullException.ThrowIfNull(roles);
        if (!UserNamePattern().IsMatch(userName ?? string.Empty))
        {
            return AccountResult.Fail("--user: 1 to 64 letters, digits and . _ @ - (it is the sign-in name).");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 200 || displayName.Any(char.IsControl))
        {
            return AccountResult.Fail("--name: 1 to 200 characters, no control characters.");
        }

        if (roles.Count == 0 || roles.Any(role => !AccessRoles.All.Contains(role)))
        {
            return AccountResult.Fail($"--roles: one or more of {string.Join(", ", AccessRoles.All.Order(StringComparer.Ordinal))}.");
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

        var held = await db.RoleGrants.Where(g => g.UserId == user.Id && g.Tenant == tenant.Value).Select(g => g.Role).ToListAsync(cancellationToken);
        foreach (var role in roles.Except(held, StringComparer.Ordinal))
        {
            db.RoleGrants.Add(new TenantRoleGrant { UserId = user.Id, Tenant = tenant.Value, Role = role });
        }

        await db.SaveChangesAsync(cancellationToken);
        return created && password is null ? AccountResult.Ok(await users.GeneratePasswordResetTokenAsync(user)) : AccountResult.Ok();
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
