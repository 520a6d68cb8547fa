using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;

namespace SocialPrescribing.Application.Access;

/// <summary>The people of a tenant: who holds a role, to be told something (the privacy officers of an emergency access), and by what name.</summary>
public interface IRoleHolders
{
    /// <summary>The enabled people holding <paramref name="role"/> in <paramref name="tenant"/>, as notification recipients.</summary>
    Task<IReadOnlyList<NotificationRecipient>> FindAsync(TenantId tenant, string role, CancellationToken cancellationToken = default);

    /// <summary>
    /// The name a person of the tenant goes by (what documents and screens show instead of their sign-in name), or null
    /// when no enabled account of the tenant has that sign-in name.
    /// </summary>
    Task<string?> DisplayNameOfAsync(TenantId tenant, string userId, CancellationToken cancellationToken = default);
}
