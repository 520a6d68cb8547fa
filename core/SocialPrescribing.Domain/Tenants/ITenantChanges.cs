namespace SocialPrescribing.Domain.Tenants;

/// <summary>Tells what depends on a tenant's settings (schedules, say) that a tenant was created or changed while the host runs.</summary>
public interface ITenantChanges
{
    /// <summary>Raised after the directory serves a tenant's new settings, with those settings.</summary>
    event Action<TenantSettings>? Changed;
}
