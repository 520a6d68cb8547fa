using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// What a hand-written implementation would run for each read, straight on the same tables with Npgsql (as the
/// database's owner, so without the store's row-level security) or Microsoft.Data.Sqlite: every statement of a read in
/// one round trip where the engine allows, every row and column read. <c>{T}</c> in a statement is the tables' schema.
/// </summary>
internal sealed class PlainSql : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private PlainSql(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    public static PlainSql Postgres(string connectionString) => new(NpgsqlDataSource.Create(connectionString), null);

    public static PlainSql Sqlite(string databasePath) =>
        new(null, new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ConnectionString);

    /// <summary>The statements as they would be written for this engine (schema-qualified on PostgreSQL).</summary>
    public string Text(string statement) => statement.Replace("{T}", _postgres is null ? string.Empty : "social_prescribing.", StringComparison.Ordinal);

    /// <summary>Runs the statements in order and returns the rows read.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> statements, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            await using var batch = _postgres.CreateBatch();
            foreach (var statement in statements)
            {
                var command = new NpgsqlBatchCommand(Text(statement));
                foreach (var (name, value) in parameters.Where(p => statement.Contains('@' + p.Key, StringComparison.Ordinal)))
                {
                    command.Parameters.AddWithValue(name, value);
                }

                batch.BatchCommands.Add(command);
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            return await ReadAllAsync(reader, cancellationToken);
        }

        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        var rows = 0;
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Text(statement);
            foreach (var (name, value) in parameters.Where(p => statement.Contains('@' + p.Key, StringComparison.Ordinal)))
            {
                // The SQLite store keeps instants as fixed-width UTC text, so they compare as text.
                command.Parameters.AddWithValue(name, value is DateTimeOffset at
                    ? at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
                    : value);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            rows += await ReadAllAsync(reader, cancellationToken);
        }

        return rows;
    }

    /// <summary>The first column of the first row of <paramref name="statement"/>, or null.</summary>
    public async Task<object?> ScalarAsync(string statement, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            await using var command = _postgres.CreateCommand(Text(statement));
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }

        await using var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        await using var sqlite = connection.CreateCommand();
        sqlite.CommandText = Text(statement);
        var result = await sqlite.ExecuteScalarAsync(cancellationToken);
        return result is DBNull ? null : result;
    }

    /// <summary>Every row of <paramref name="statement"/>, each as its columns' values.</summary>
    public async Task<List<object?[]>> RowsAsync(string statement, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        await using DbConnection connection = _postgres is not null ? await _postgres.OpenConnectionAsync(cancellationToken) : new SqliteConnection(_sqlite);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Text(statement);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static async Task<int> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var rows = 0;
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
        return rows;
    }
}
