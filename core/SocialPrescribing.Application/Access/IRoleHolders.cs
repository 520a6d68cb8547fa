using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Notifications;

namespace SocialPrescribing.Application.Access;

/// <summary>Who holds a role in a tenant, to be told something (the privacy officers of an emergency access).</summary>
public interface IRoleHolders
{
    /// <summary>The enabled people holding <paramref name="role"/> in <paramref name="tenant"/>, as notification recipients.</summary>
    Task<IReadOnlyList<NotificationRecipient>> FindAsync(TenantId tenant, string role, CancellationToken cancellationToken = default);
}
