using Microsoft.AspNetCore.Authorization;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Features.Access;

/// <summary>
/// The policies endpoints carry, by what they give access to. Anything without one still needs a valid token (the
/// fallback policy); only health probes, the token server (<c>/connect/*</c>), the sign-in pages (<c>/account/*</c>)
/// and the API reference are open.
/// </summary>
internal static class AccessPolicies
{
    /// <summary>What anyone with a role in the tenant may read: catalogues that hold no one's data.</summary>
    public const string Member = "member";

    /// <summary>
    /// The tenant's community directory (its HSDS API): every member of the tenant, and anyone at all where the tenant
    /// made its directory public (<c>Tenants:&lt;id&gt;:PublicDirectory</c>).
    /// </summary>
    public const string Directory = "directory";

    /// <summary>People's journeys, caseloads, assessments, documents, trips: link workers and supervisors.</summary>
    public const string Clinical = "clinical";

    /// <summary>Sending a new referral: referrers (people or systems), link workers and supervisors.</summary>
    public const string Referrals = "referrals";

    /// <summary>Keeping the directory true (local programs, checks, referral intake): link workers, supervisors, program managers, tenant admins.</summary>
    public const string Curation = "curation";

    /// <summary>The referrals addressed to a provider organization, and its answers: community partners.</summary>
    public const string Partners = "partners";

    /// <summary>Safety alerts: supervisors.</summary>
    public const string Supervision = "supervision";

    /// <summary>The program's figures (team dashboard, outcome and unmet-needs reports, all aggregate): supervisors and program managers.</summary>
    public const string Oversight = "oversight";

    /// <summary>The audit log and access reports: privacy officers (no clinical reads come with it).</summary>
    public const string Privacy = "privacy";

    /// <summary>A tenant's settings and plugins: tenant admins and operators.</summary>
    public const string Administration = "administration";

    /// <summary>What spans every tenant (the jobs dashboard): operators.</summary>
    public const string Operations = "operations";

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Member, policy => policy.RequireClaim(AccessClaims.Tenant).RequireRole(AccessRoles.All));
        options.AddPolicy(Directory, policy => policy.AddRequirements(new PublicDirectoryRequirement()));
        options.AddPolicy(Clinical, policy => policy.RequireRole(AccessRoles.LinkWorker, AccessRoles.Supervisor));
        options.AddPolicy(Referrals, policy => policy.RequireRole(AccessRoles.Referrer, AccessRoles.LinkWorker, AccessRoles.Supervisor));
        options.AddPolicy(Curation, policy => policy.RequireRole(AccessRoles.LinkWorker, AccessRoles.Supervisor, AccessRoles.ProgramManager, AccessRoles.TenantAdmin, AccessRoles.Operator));
        options.AddPolicy(Partners, policy => policy.RequireRole(AccessRoles.CommunityPartner));
        options.AddPolicy(Supervision, policy => policy.RequireRole(AccessRoles.Supervisor));
        options.AddPolicy(Oversight, policy => policy.RequireRole(AccessRoles.Supervisor, AccessRoles.ProgramManager));
        options.AddPolicy(Privacy, policy => policy.RequireRole(AccessRoles.PrivacyOfficer));
        options.AddPolicy(Operations, policy => policy.RequireRole(AccessRoles.Operator));
        options.AddPolicy(Administration, policy => policy.RequireRole(AccessRoles.TenantAdmin, AccessRoles.Operator));
    }
}
