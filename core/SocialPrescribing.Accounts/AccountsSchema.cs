using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SocialPrescribing.Accounts;

/// <summary>
/// Creates the account tables when they do not exist yet: the script comes from the model, run in one transaction.
/// Later changes to these tables will be numbered steps, as the journey store's are.
/// </summary>
public static class AccountsSchema
{
    public static async Task CreateAsync(AccountsDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var schema = db.Schema;
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (schema is not null)
            {
                // One host at a time creates the schema; the others find it made.
                await ExecuteAsync(connection, tx, "SELECT pg_advisory_xact_lock(hashtext('sp:accounts:schema'))", cancellationToken);
            }

            if (!await ExistsAsync(connection, tx, schema, cancellationToken))
            {
                if (schema is not null)
                {
                    await ExecuteAsync(connection, tx, $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"", cancellationToken);
                }

                await ExecuteAsync(connection, tx, db.Database.GenerateCreateScript(), cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction tx, string? schema, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = schema is null
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'"
            : $"SELECT count(*) FROM pg_tables WHERE schemaname = '{schema.Replace("'", "''", StringComparison.Ordinal)}' AND tablename = 'AspNetUsers'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
