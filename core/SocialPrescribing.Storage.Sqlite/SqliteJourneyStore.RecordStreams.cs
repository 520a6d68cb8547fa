using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>Record streams (<see cref="IRecordStreamStore"/>) beside the journeys, on the same file, write gate and error handling.</summary>
public sealed partial class SqliteJourneyStore : IRecordStreamStore
{
    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(TenantId tenant, string kind, string streamId, CancellationToken cancellationToken = default)
    {
        RecordAppend.Validate(kind, streamId);
        return RunAsync<IReadOnlyList<StoredEvent>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT version, event_type, data, command_id, actor, occurred_at
                FROM record_streams WHERE tenant = $tenant AND kind = $kind AND stream_id = $stream ORDER BY version
                """;
            AddStreamKey(command, tenant, kind, streamId);
            return await ReadEventsAsync(command, cancellationToken);
        });
    }

    public Task AppendStreamAsync(RecordAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        RecordAppend.Validate(append.Kind, append.StreamId);
        ArgumentNullException.ThrowIfNull(append.Records, nameof(append));
        if (append.Records.Count == 0)
        {
            return Task.CompletedTask;
        }

        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                await using var tx = connection.BeginTransaction(deferred: false);
                await using (var current = connection.CreateCommand())
                {
                    current.Transaction = tx;
                    current.CommandText = """
                        SELECT COALESCE(MAX(version), 0) FROM record_streams
                        WHERE tenant = $tenant AND kind = $kind AND stream_id = $stream
                        """;
                    AddStreamKey(current, append.Tenant, append.Kind, append.StreamId);
                    if ((long)(await current.ExecuteScalarAsync(cancellationToken))! != append.ExpectedVersion)
                    {
                        throw new StreamVersionConflictException($"The {append.Kind} stream is not at version {append.ExpectedVersion}.");
                    }
                }

                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = """
                        INSERT INTO record_streams (tenant, kind, stream_id, version, event_type, data, command_id, actor, occurred_at)
                        VALUES ($tenant, $kind, $stream, $version, $type, $data, $command, $actor, $at)
                        """;
                    AddStreamKey(insert, append.Tenant, append.Kind, append.StreamId);
                    await InsertNumberedAsync(insert, append.ExpectedVersion, append.Records, cancellationToken);
                }

                await tx.CommitAsync(cancellationToken);
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(TenantId tenant, string kind, CancellationToken cancellationToken = default)
    {
        ValidateKind(kind);
        return RunAsync<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Every stream has exactly one record at version 1, and a partial index holds just those.
            command.CommandText = """
                SELECT stream_id FROM record_streams
                WHERE tenant = $tenant AND kind = $kind AND version = 1
                ORDER BY stream_id
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$kind", kind);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var streams = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                streams.Add(reader.GetString(0));
            }

            // SQLite orders by UTF-8 bytes (code points); the contract promises .NET's ordinal (UTF-16) order.
            streams.Sort(StringComparer.Ordinal);
            return streams;
        });
    }

    /// <summary>Checks a kind alone, with the same rule <see cref="RecordAppend.Validate"/> applies.</summary>
    private static void ValidateKind(string kind) => RecordAppend.Validate(kind, streamId: "-");

    private static void AddStreamKey(SqliteCommand command, TenantId tenant, string kind, string streamId)
    {
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$stream", streamId);
    }
}
