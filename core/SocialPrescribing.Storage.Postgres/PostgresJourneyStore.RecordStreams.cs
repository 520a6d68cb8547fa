using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Record streams (<see cref="IRecordStreamStore"/>) beside the journeys, in the same schema, through the same data
/// source, retries and unavailability handling. Appends are single statements; they never go through group commit.
/// </summary>
public sealed partial class PostgresJourneyStore : IRecordStreamStore
{
    private PostgresRecordStatements RecordSql => field ??= new PostgresRecordStatements(_sql.QuotedSchema);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(TenantId tenant, string kind, string streamId, CancellationToken cancellationToken = default)
    {
        RecordAppend.Validate(kind, streamId);
        return RunAsync<IReadOnlyList<StoredEvent>>(async () =>
        {
            var read = new NpgsqlBatchCommand(RecordSql.Read);
            read.Parameters.Add(Text(tenant.Value));
            read.Parameters.Add(Text(kind));
            read.Parameters.Add(Text(streamId));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), read);
            return await ReadEventsAsync(batch, cancellationToken);
        }, migrateFirst: true, cancellationToken);
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
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            var write = new NpgsqlBatchCommand(RecordSql.Append);
            AddRecordAppend(write.Parameters, append);
            batch.BatchCommands.Add(PostgresTenantScope.For(append.Tenant));
            batch.BatchCommands.Add(write);

            int inserted;
            try
            {
                // Prepared once per pooled connection, as the journey appends are.
                await batch.PrepareAsync(cancellationToken);
                await batch.ExecuteNonQueryAsync(cancellationToken);
                inserted = write.RecordsAffected;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another appender saw the same version and committed first.
                throw new StreamVersionConflictException($"The {append.Kind} stream changed while appending.", ex);
            }

            if (inserted == 0)
            {
                // The stream was not at the expected version, so the statement stored nothing.
                throw new StreamVersionConflictException($"The {append.Kind} stream is not at version {append.ExpectedVersion}.");
            }

            return true;
        }, migrateFirst: true, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(TenantId tenant, string kind, CancellationToken cancellationToken = default)
    {
        // The same rule as RecordAppend.Validate, for a kind alone.
        RecordAppend.Validate(kind, streamId: "-");
        return RunAsync<IReadOnlyList<string>>(async () =>
        {
            var list = new NpgsqlBatchCommand(RecordSql.List);
            list.Parameters.Add(Text(tenant.Value));
            list.Parameters.Add(Text(kind));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), list);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var streams = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                streams.Add(reader.GetString(0));
            }

            // The column sorts by code point (COLLATE "C"); the contract promises .NET's ordinal (UTF-16) order.
            streams.Sort(StringComparer.Ordinal);
            return streams;
        }, migrateFirst: true, cancellationToken);
    }

    /// <summary>The nine parameters of <see cref="PostgresRecordStatements.Append"/>, in their positional order.</summary>
    private static void AddRecordAppend(NpgsqlParameterCollection parameters, RecordAppend append)
    {
        var records = append.Records;
        var types = new string[records.Count];
        var data = new string[records.Count];
        var commands = new Guid[records.Count];
        var actors = new string[records.Count];
        var times = new DateTimeOffset[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            types[i] = records[i].Type;
            data[i] = records[i].Data;
            commands[i] = records[i].CommandId;
            actors[i] = records[i].Actor;
            times[i] = records[i].OccurredAt.ToUniversalTime();
        }

        parameters.Add(Text(append.Tenant.Value));
        parameters.Add(Text(append.Kind));
        parameters.Add(Text(append.StreamId));
        parameters.Add(BigInt(append.ExpectedVersion));
        parameters.Add(Array(types));
        parameters.Add(Array(data));
        parameters.Add(Array(commands));
        parameters.Add(Array(actors));
        parameters.Add(Array(times));
    }
}
