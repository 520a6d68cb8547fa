namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Whether the database itself keeps tenants apart for the store's application role: row-level security is FORCEd on
/// every tenant table, and the role can neither bypass it nor switch it off.
/// </summary>
/// <param name="Role">The application's role (the store's connections).</param>
/// <param name="Superuser">The role is a superuser: row-level security does not apply to it at all.</param>
/// <param name="BypassesRowSecurity">The role has <c>BYPASSRLS</c>: row-level security does not apply to it at all.</param>
/// <param name="OwnedTables">
/// Tenant tables the role owns (or has its owner's rights on). FORCE still binds it, but an owner may switch row-level
/// security off again: migrations belong to a separate owner role (<c>ConnectionStrings:PostgresOwner</c>).
/// </param>
/// <param name="UnprotectedTables">Tenant tables that are missing or lack enabled and forced row-level security (not migrated?).</param>
public sealed record PostgresIsolationReport(
    string Role, bool Superuser, bool BypassesRowSecurity, IReadOnlyList<string> OwnedTables, IReadOnlyList<string> UnprotectedTables)
{
    /// <summary>True when row-level security applies to every statement the role runs on tenant tables.</summary>
    public bool Enforced => !Superuser && !BypassesRowSecurity && UnprotectedTables.Count == 0;

    /// <summary>True when, besides being enforced, the role cannot switch it off (it owns no tenant table).</summary>
    public bool Complete => Enforced && OwnedTables.Count == 0;

    /// <summary>What is wrong, one sentence each, for the operator; empty when <see cref="Complete"/>.</summary>
    public IReadOnlyList<string> Problems =>
    [
        .. Superuser ? [$"the application role '{Role}' is a superuser, so row-level security does not apply to it"] : Array.Empty<string>(),
        .. BypassesRowSecurity ? [$"the application role '{Role}' has BYPASSRLS, so row-level security does not apply to it"] : Array.Empty<string>(),
        .. UnprotectedTables.Count > 0 ? [$"tables without forced row-level security: {string.Join(", ", UnprotectedTables)} (run migrate)"] : Array.Empty<string>(),
        .. OwnedTables.Count > 0
            ? [$"the application role '{Role}' owns {string.Join(", ", OwnedTables)} and could switch row-level security off; run migrations as a separate owner role (ConnectionStrings:PostgresOwner)"]
            : Array.Empty<string>(),
    ];
}
