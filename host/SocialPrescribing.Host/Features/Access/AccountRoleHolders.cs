using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Accounts;
using SocialPrescribing.Application.Access;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>The people of a tenant, from the host's accounts.</summary>
internal sealed class AccountRoleHolders(UserDirectory users) : IRoleHolders
{
    public async Task<IReadOnlyList<NotificationRecipient>> FindAsync(TenantId tenant, string role, CancellationToken cancellationToken = default) =>
        [.. (await users.HoldersOfAsync(tenant, role, cancellationToken)).Select(h => new NotificationRecipient(h.UserName, h.DisplayName, h.Email))];

    public async Task<string?> DisplayNameOfAsync(TenantId tenant, string userId, CancellationToken cancellationToken = default) =>
        (await users.FindForTenantAsync(userId, tenant, cancellationToken))?.User.DisplayName;
}
