using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// What every command carries besides its body: its id (from the Idempotency-Key when given), who sent
/// it, and the tenant's calendar date, against which dates in the body are checked.
/// </summary>
/// <param name="CommandId">The command's id.</param>
/// <param name="Actor">Who sent it.</param>
/// <param name="Today">The tenant's calendar date.</param>
/// <param name="Tenant">The tenant's settings.</param>
/// <param name="Services">The request's services, for bodies that need more than themselves to become a command (an assessment is scored).</param>
internal sealed record CommandMetadata(Guid CommandId, string Actor, DateOnly Today, TenantSettings Tenant, IServiceProvider Services)
{
    /// <summary>Who sent it, for bodies that read the tenant's catalogues to become a command (a referral addressed from the directory).</summary>
    public SocialPrescribing.Application.Access.Caller? Caller { get; init; }
}
