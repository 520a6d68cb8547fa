namespace SocialPrescribing.Storage.Postgres;

/// <summary>The SQL of record streams (<see cref="IRecordStreamStore"/>), written once per store for its schema.</summary>
/// <remarks>
/// An append is a single statement, so one round trip and one implicit transaction: the records are inserted only
/// when the stream's highest version is the expected one. Two appenders that both see the same version race on the
/// primary key, which stays the last line of defence: the loser's unique violation is a version conflict.
/// </remarks>
internal sealed class PostgresRecordStatements
{
    public PostgresRecordStatements(string quotedSchema)
    {
        var records = $"{quotedSchema}.record_streams";

        // $1 tenant, $2 kind, $3 stream id, $4 expected version, $5..$9 the records as parallel arrays
        // (ordinality numbers them from 1).
        Append = $"""
            INSERT INTO {records} (tenant, kind, stream_id, version, event_type, data, command_id, actor, occurred_at)
            SELECT $1, $2, $3, $4 + r.ordinal, r.event_type, r.data, r.command_id, r.actor, r.occurred_at
            FROM unnest($5::text[], $6::text[], $7::uuid[], $8::text[], $9::timestamptz[])
                 WITH ORDINALITY AS r (event_type, data, command_id, actor, occurred_at, ordinal)
            WHERE (SELECT coalesce(max(version), 0) FROM {records} WHERE tenant = $1 AND kind = $2 AND stream_id = $3) = $4
            """;

        Read = $"""
            SELECT version, event_type, data, command_id, actor, occurred_at
            FROM {records} WHERE tenant = $1 AND kind = $2 AND stream_id = $3 ORDER BY version
            """;

        // Every stream has exactly one record at version 1, and a partial index holds just those.
        List = $"""
            SELECT stream_id FROM {records}
            WHERE tenant = $1 AND kind = $2 AND version = 1
            ORDER BY stream_id
            """;
    }

    /// <summary>Append records to a stream that must be at the expected version; the row count is the records stored.</summary>
    public string Append { get; }

    /// <summary>A stream's records in version order.</summary>
    public string Read { get; }

    /// <summary>The ids of a tenant's streams of one kind.</summary>
    public string List { get; }
}
