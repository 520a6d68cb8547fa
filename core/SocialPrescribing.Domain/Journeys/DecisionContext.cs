using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>The world a decision is made in: the time, the tenant's policy, and where new ids come from.</summary>
public sealed record DecisionContext(DateTimeOffset Now, TenantSettings Tenant, Func<Guid> NewId);
