using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Whose rows a transaction may touch, as the row-level security policies read it (migration step 6): the statement
/// that sets it is the first of the same batch as the work, so it costs no round trip of its own.
/// </summary>
/// <remarks>
/// <para>
/// Both settings are set with <c>set_config(name, value, true)</c>: local to the transaction, so they end with its
/// commit or rollback and a pooled connection carries nothing to its next user. The store never sets them for a
/// session (no <c>SET</c>), so a statement that runs without them sees no tenant's rows and may write none.
/// </para>
/// <para>
/// <see cref="TenantsSetting"/> names the tenants, comma-separated (tenant ids never contain a comma). A group-commit
/// batch names the tenants of its appends and nothing else; there is no wildcard.
/// </para>
/// <para>
/// <see cref="ScopeSetting"/> = <c>system</c> is for the few readers that work across tenants on the host's own behalf:
/// the event feed, the read-model rebuild, listing the tenants that have an audit chain, and migrations. The policies
/// honour it for <c>SELECT</c> only, and only on the tables those readers read (journey events, caseload rows, audit
/// chain heads); every write names its tenants, and record streams and audit entries are never readable by it. A
/// setting rather than a role of its own: RLS here guards against a statement that forgets or mistakes its tenant, a
/// bug in this process, and a role would not be narrower against that (the application's role would have to be able
/// to switch to it), while it would cost every deployment a third login and a second pool.
/// </para>
/// </remarks>
internal static class PostgresTenantScope
{
    public const string TenantsSetting = "sp.tenants";

    public const string ScopeSetting = "sp.scope";

    public const string SystemScope = "system";

    private const string SetTenants = $"SELECT set_config('{TenantsSetting}', $1, true)";

    private const string SetSystem = $"SELECT set_config('{ScopeSetting}', '{SystemScope}', true)";

    /// <summary>The policy condition: the row's tenant is one the transaction named (never true when it named none).</summary>
    /// <remarks>
    /// <para>
    /// The setting is read in a scalar subquery, so it is evaluated once per statement (an init plan), not per row.
    /// A setting a transaction set and then ended reads as an empty string, not null: it names no tenant either way.
    /// </para>
    /// <para>
    /// Written as array containment, not <c>tenant = ANY (…)</c>, so that the planner cannot use it as an index
    /// condition: the policy is applied before the statement's own conditions, and as an index condition on the
    /// primary key's leading column it led the planner to read every caseload row of the tenant and join the batch's
    /// appends against them (each group commit then cost time in proportion to the tenant's size). As a filter, the
    /// statement's own <c>(tenant, journey_id)</c> lookups drive the plan and the policy checks the rows they find.
    /// </para>
    /// </remarks>
    public const string RowInScope = $"ARRAY[tenant] <@ (SELECT string_to_array(current_setting('{TenantsSetting}', true), ','))";

    /// <summary>The policy condition for the host's own cross-tenant readers.</summary>
    public const string SystemReader = $"(SELECT current_setting('{ScopeSetting}', true)) = '{SystemScope}'";

    /// <summary>The first statement of a batch that works on one tenant's rows.</summary>
    public static NpgsqlBatchCommand For(TenantId tenant) => For(tenant.Value);

    /// <summary>The first statement of a batch that works on the rows of these tenants (distinct or not).</summary>
    public static NpgsqlBatchCommand For(IEnumerable<TenantId> tenants) => For(string.Join(',', tenants.Select(t => t.Value).Distinct(StringComparer.Ordinal)));

    /// <summary>The first statement of a batch of the host's own cross-tenant reads (see the remarks).</summary>
    public static NpgsqlBatchCommand System() => new(SetSystem);

    /// <summary>A batch on a pooled connection: the scope first, then the statements, in one round trip and one transaction.</summary>
    public static NpgsqlBatch Batch(NpgsqlDataSource dataSource, NpgsqlBatchCommand scope, params IEnumerable<NpgsqlBatchCommand> statements)
    {
        var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(scope);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        return batch;
    }

    /// <summary>Executes a batch that begins with its scope; the reader is at the first statement after it.</summary>
    public static async Task<NpgsqlDataReader> ReadAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        var reader = await batch.ExecuteReaderAsync(cancellationToken);
        try
        {
            await reader.NextResultAsync(cancellationToken);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    private static NpgsqlBatchCommand For(string tenants)
    {
        var command = new NpgsqlBatchCommand(SetTenants);
        command.Parameters.Add(Text(tenants));
        return command;
    }
}
