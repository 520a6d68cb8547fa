using Microsoft.Data.Sqlite;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// The connection journey appends are written on, kept open with its three statements prepared (the stream's version,
/// an event, the caseload row), so a group commit parses no SQL. Used only under the store's write gate.
/// </summary>
internal sealed class SqliteAppendWriter : IDisposable
{
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _upsert;

    private SqliteAppendWriter(SqliteConnection connection, string upsertSummary)
    {
        Connection = connection;
        _version = Command("SELECT COALESCE(MAX(version), 0) FROM journey_events WHERE tenant = $tenant AND journey_id = $journey", "$tenant", "$journey");
        _insert = Command(
            """
            INSERT INTO journey_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at, position)
            VALUES ($tenant, $journey, $version, $type, $data, $command, $actor, $at, (SELECT COALESCE(MAX(position), 0) + 1 FROM journey_events))
            """,
            "$tenant", "$journey", "$version", "$type", "$data", "$command", "$actor", "$at");
        _upsert = Command(upsertSummary, ["$tenant", "$journey", "$version", .. JourneySummary.Columns.Select((_, i) => $"$c{i}")]);
    }

    public SqliteConnection Connection { get; }

    /// <summary>A writer on <paramref name="connection"/> (open, its pragmas set), which it then owns.</summary>
    public static SqliteAppendWriter On(SqliteConnection connection, string upsertSummary) => new(connection, upsertSummary);

    /// <summary>The stream's current version, in <paramref name="tx"/>.</summary>
    public SqliteCommand Version(SqliteTransaction tx, string tenant, string journey) => Bind(_version, tx, tenant, journey);

    /// <summary>One event: tenant, journey, version, type, data, command id, actor and time; it takes the next feed position.</summary>
    public SqliteCommand Insert(SqliteTransaction tx, params object[] values) => Bind(_insert, tx, values);

    /// <summary>The caseload row: tenant, journey, version, then each of <see cref="JourneySummary.Columns"/>.</summary>
    public SqliteCommand Upsert(SqliteTransaction tx, string tenant, string journey, long version, IEnumerable<object> columns) =>
        Bind(_upsert, tx, [tenant, journey, version, .. columns]);

    public void Dispose()
    {
        _version.Dispose();
        _insert.Dispose();
        _upsert.Dispose();
        Connection.Dispose();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    private static SqliteCommand Bind(SqliteCommand command, SqliteTransaction tx, params object[] values)
    {
        command.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }
}
