using Npgsql;

namespace SocialPrescribing.Host.Hosting;

/// <summary>
/// With a separate owner role (<c>ConnectionStrings:PostgresOwner</c>) the owner creates the schemas of cluster
/// membership, jobs and accounts, and then grants the application's role (<c>ConnectionStrings:Postgres</c>) what it
/// needs to read and write their rows, nothing more: it may not change a schema and owns nothing. The journey store
/// grants its own tables' rights itself, table by table (events and audit entries are insert-only).
/// </summary>
internal static class PostgresApplicationGrants
{
    /// <summary>Row access to the named tables of a schema the journey store shares (cluster membership's).</summary>
    public static Task GrantTablesAsync(string ownerConnectionString, string applicationConnectionString, string schema, IReadOnlyList<string> tables, CancellationToken cancellationToken) =>
        GrantAsync(ownerConnectionString, applicationConnectionString, schema, role =>
        [
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON {string.Join(", ", tables.Select(t => $"{Quote(schema)}.{Quote(t)}"))} TO {role}",
        ], cancellationToken);

    /// <summary>Row access to every table and sequence of a schema of its own (jobs, accounts), as it is now.</summary>
    public static Task GrantSchemaAsync(string ownerConnectionString, string applicationConnectionString, string schema, CancellationToken cancellationToken) =>
        GrantAsync(ownerConnectionString, applicationConnectionString, schema, role =>
        [
            $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {Quote(schema)} TO {role}",
            $"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {Quote(schema)} TO {role}",
        ], cancellationToken);

    private static async Task GrantAsync(
        string ownerConnectionString, string applicationConnectionString, string schema, Func<string, IReadOnlyList<string>> grants, CancellationToken cancellationToken)
    {
        var application = await CurrentUserAsync(applicationConnectionString, cancellationToken);
        await using var owner = new NpgsqlConnection(ownerConnectionString);
        await owner.OpenAsync(cancellationToken);
        if (application == await CurrentUserAsync(owner, cancellationToken))
        {
            return;
        }

        var role = Quote(application);
        await using var batch = new NpgsqlBatch(owner);
        foreach (var statement in (IEnumerable<string>)[$"GRANT USAGE ON SCHEMA {Quote(schema)} TO {role}", .. grants(role)])
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        // One implicit transaction: every grant or none.
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> CurrentUserAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await CurrentUserAsync(connection, cancellationToken);
    }

    private static async Task<string> CurrentUserAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_user::text", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
