using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// In Development (and the test suite) every configured tenant gets demo accounts, so the embedded default works
/// two commands from a fresh clone: <c>{tenant}-link-worker</c>, <c>{tenant}-referrer</c>, <c>{tenant}-admin</c>,
/// <c>{tenant}-privacy</c>, and one supervisor account per supervisor in the tenant's settings (named by its id).
/// Never in Production, where no account exists until an operator adds one.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>The password of every demo account; documented in the README, refused nowhere but Development.</summary>
    public const string Password = "Demo-password-2026";

    public static async Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        foreach (var tenant in services.GetRequiredService<ITenantDirectory>().All)
        {
            var id = tenant.Id.Value;
            await AddAsync(users, tenant, $"{id}-link-worker", $"Link worker ({tenant.DisplayName})", AccessRoles.LinkWorker, cancellationToken);
            await AddAsync(users, tenant, $"{id}-referrer", $"Referrer ({tenant.DisplayName})", AccessRoles.Referrer, cancellationToken);
            await AddAsync(users, tenant, $"{id}-admin", $"Tenant admin ({tenant.DisplayName})", AccessRoles.TenantAdmin, cancellationToken);
            await AddAsync(users, tenant, $"{id}-privacy", $"Privacy officer ({tenant.DisplayName})", AccessRoles.PrivacyOfficer, cancellationToken);
            await AddAsync(users, tenant, $"{id}-manager", $"Program manager ({tenant.DisplayName})", AccessRoles.ProgramManager, cancellationToken);
            foreach (var supervisor in tenant.Supervisors)
            {
                await AddAsync(users, tenant, supervisor.Id, supervisor.DisplayName, AccessRoles.Supervisor, cancellationToken);
            }
        }

        // One operator, signed in through the first tenant: the role spans every tenant.
        if (services.GetRequiredService<ITenantDirectory>().All.OrderBy(t => t.Id.Value, StringComparer.Ordinal).FirstOrDefault() is { } first)
        {
            await AddAsync(users, first, "operator", "Operator (demo)", AccessRoles.Operator, cancellationToken);
        }
    }

    private static async Task AddAsync(UserDirectory users, TenantSettings tenant, string user, string name, string role, CancellationToken cancellationToken)
    {
        if (await users.FindForTenantAsync(user, tenant.Id, cancellationToken) is null)
        {
            var added = await users.AddAsync(tenant.Id, user, name, [role], await users.ExistsAsync(user) ? null : Password, cancellationToken);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {user}: {added.Error}");
            }
        }
    }
}
