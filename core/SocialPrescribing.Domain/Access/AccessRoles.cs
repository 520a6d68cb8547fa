using System.Collections.Frozen;

namespace SocialPrescribing.Domain.Access;

/// <summary>The roles a user or client may hold in a tenant; each grants what the README's role table says.</summary>
public static class AccessRoles
{
    public const string LinkWorker = "link-worker";
    public const string Supervisor = "supervisor";
    public const string Referrer = "referrer";
    public const string CommunityPartner = "community-partner";
    public const string PrivacyOfficer = "privacy-officer";
    public const string TenantAdmin = "tenant-admin";

    /// <summary>Runs the program: the team dashboard, outcome reports and directory upkeep; aggregate figures, never a person's record.</summary>
    public const string ProgramManager = "program-manager";

    /// <summary>Cross-tenant operations and health; never personal health information.</summary>
    public const string Operator = "operator";

    public static readonly FrozenSet<string> All = FrozenSet.Create(
        StringComparer.Ordinal, LinkWorker, Supervisor, Referrer, CommunityPartner, PrivacyOfficer, TenantAdmin, ProgramManager, Operator);

    /// <summary>The roles a tenant admin may give (every role but <see cref="Operator"/>, which spans every tenant).</summary>
    public static readonly FrozenSet<string> TenantGrantable = FrozenSet.Create(
        StringComparer.Ordinal, LinkWorker, Supervisor, Referrer, CommunityPartner, PrivacyOfficer, TenantAdmin, ProgramManager);

    /// <summary>The roles in a comma-separated list (<c>link-worker,supervisor</c>), each once; unknown names are kept for the caller to refuse.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
}
