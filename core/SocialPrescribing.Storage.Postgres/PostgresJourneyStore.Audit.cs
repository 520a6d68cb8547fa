using System.Collections.Concurrent;
using System.Data;
using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The audit log (<see cref="IAuditLog"/>) beside the journeys, in the same schema, through the same data source,
/// migrations, retries and unavailability handling. With <see cref="PostgresStorageOptions.GroupCommit"/> concurrent
/// appends share transactions (<see cref="AuditAppendQueue"/>), so auditing every read adds one commit per batch.
/// </summary>
public sealed partial class PostgresJourneyStore : IAuditLog
{
    /// <summary>How often an append after known heads is tried before it locks them first.</summary>
    private const int OptimisticAuditAttempts = 3;

    /// <summary>Each tenant's head as this store last wrote or saw it: a guess that saves a round trip when right.</summary>
    private readonly ConcurrentDictionary<TenantId, AuditChainHead> _auditHeads = new();

    private PostgresAuditStatements AuditSql => field ??= new PostgresAuditStatements(_sql.QuotedSchema);

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntry.ValidateAll(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        return _auditQueue is { } queue ? AppendAuditGroupedAsync(queue, entries, cancellationToken) : WriteAuditAsync(entries, knownHeads: false, cancellationToken);
    }

    public Task<AuditPage> QueryAsync(TenantId tenant, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            var (countSql, pageSql) = AuditSql.Query(
                query.JourneyId is not null, query.Actor is not null, query.From is not null, query.To is not null, query.Category is not null, query.Outcome is not null,
                query.EmergencyOnly);
            var count = new NpgsqlBatchCommand(countSql);
            var page = new NpgsqlBatchCommand(pageSql);
            foreach (var parameters in new[] { count.Parameters, page.Parameters })
            {
                parameters.Add(Text(tenant.Value));
                AddIfPresent(parameters, query.JourneyId, Uuid);
                AddIfPresent(parameters, query.Actor, Text);
                AddIfPresent(parameters, query.From, Timestamp);
                AddIfPresent(parameters, query.To, Timestamp);
                AddIfPresent(parameters, query.Category, Text);
                AddIfPresent(parameters, query.Outcome, Text);
            }

            page.Parameters.Add(BigInt(query.AfterSequence));
            page.Parameters.Add(BigInt(query.PageSize));
            page.Parameters.Add(BigInt((long)(query.Page - 1) * query.PageSize));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), count, page);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var total = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            return new AuditPage(await ReadAuditEntriesAsync(reader, tenant, cancellationToken), total);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<AuditVerification> VerifyAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            // One snapshot for the head and every entry, so appends committed meanwhile are neither half seen nor
            // taken for entries written behind the log's back.
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            var (anchor, head) = await ReadAnchorAndHeadAsync(connection, transaction, tenant, lockHead: false, cancellationToken);
            return await AuditChainWalk.VerifyAsync(tenant, anchor, head, async after =>
            {
                await using var chunk = new NpgsqlCommand(AuditSql.ReadChainAfter, connection, transaction);
                chunk.Parameters.Add(Text(tenant.Value));
                chunk.Parameters.Add(BigInt(after));
                chunk.Parameters.Add(BigInt(AuditChainWalk.ChunkSize));
                await using var reader = await chunk.ExecuteReaderAsync(cancellationToken);
                return await ReadAuditEntriesAsync(reader, tenant, cancellationToken);
            });
        }, migrateFirst: true, cancellationToken);

    public async Task<AuditPurge> PurgeAsync(TenantId tenant, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var verification = await VerifyAsync(tenant, cancellationToken);
        return await RunAsync(async () =>
        {
            // As the owner: the application's role may not delete entries, and the gate opens them to this transaction only.
            await using var connection = await _ownerDataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var gate = new NpgsqlBatch(connection, transaction))
            {
                gate.BatchCommands.Add(PostgresTenantScope.For(tenant));
                gate.BatchCommands.Add(new NpgsqlBatchCommand(AuditSql.OpenPurgeGate));
                await gate.ExecuteNonQueryAsync(cancellationToken);
            }

            var (anchor, _) = await ReadAnchorAndHeadAsync(connection, transaction, tenant, lockHead: true, cancellationToken);
            if (!verification.IsIntact)
            {
                return new AuditPurge(tenant, 0, anchor, verification);
            }

            AuditChainHead? cut = null;
            await using (var find = new NpgsqlCommand(AuditSql.PurgeCut, connection, transaction))
            {
                find.Parameters.Add(Text(tenant.Value));
                find.Parameters.Add(Timestamp(before));
                find.Parameters.Add(BigInt(anchor.Sequence));
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    cut = new AuditChainHead(reader.GetInt64(0), reader.GetString(1));
                }
            }

            if (cut is not { } last)
            {
                return new AuditPurge(tenant, 0, anchor, verification);
            }

            await using var purge = new NpgsqlBatch(connection, transaction);
            var delete = new NpgsqlBatchCommand(AuditSql.DeleteThrough);
            delete.Parameters.Add(Text(tenant.Value));
            delete.Parameters.Add(BigInt(last.Sequence));
            var move = new NpgsqlBatchCommand(AuditSql.MoveAnchor);
            move.Parameters.Add(Text(tenant.Value));
            move.Parameters.Add(BigInt(last.Sequence));
            move.Parameters.Add(Text(last.Hash));
            move.Parameters.Add(Timestamp(before));
            purge.BatchCommands.Add(delete);
            purge.BatchCommands.Add(move);
            await purge.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new AuditPurge(tenant, delete.RecordsAffected, last, verification);
        }, migrateFirst: true, cancellationToken);
    }

    /// <summary>Where the tenant's kept chain starts and where it ends (the head locked for a purge), in one round trip.</summary>
    private async Task<(AuditChainHead Anchor, AuditChainHead Head)> ReadAnchorAndHeadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TenantId tenant, bool lockHead, CancellationToken cancellationToken)
    {
        var readAnchor = new NpgsqlBatchCommand(AuditSql.ReadAnchor);
        readAnchor.Parameters.Add(Text(tenant.Value));
        var readHead = new NpgsqlBatchCommand(lockHead ? AuditSql.LockHead : AuditSql.ReadHead);
        readHead.Parameters.Add(Text(tenant.Value));
        await using var read = new NpgsqlBatch(connection, transaction);
        read.BatchCommands.Add(PostgresTenantScope.For(tenant));
        read.BatchCommands.Add(readAnchor);
        read.BatchCommands.Add(readHead);
        await using var reader = await PostgresTenantScope.ReadAsync(read, cancellationToken);
        var anchor = await reader.ReadAsync(cancellationToken) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : AuditChainHead.Empty;
        await reader.NextResultAsync(cancellationToken);
        var head = await reader.ReadAsync(cancellationToken) ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1)) : AuditChainHead.Empty;
        return (anchor, head);
    }

    public Task<IReadOnlyList<TenantId>> ListAuditedTenantsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TenantId>>(async () =>
        {
            // Which tenants have a chain is the one thing `audit verify` needs to know across tenants; it then
            // verifies each chain as that tenant.
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.System(), new NpgsqlBatchCommand(AuditSql.ListTenants));
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var tenants = new List<TenantId>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(TenantId.Parse(reader.GetString(0)));
            }

            return tenants;
        }, migrateFirst: true, cancellationToken);

    private async Task AppendAuditGroupedAsync(AuditAppendQueue queue, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (_options.MigrateOnFirstUse && _migration is not { IsCompletedSuccessfully: true })
        {
            await RunAsync(() => Task.FromResult(true), migrateFirst: true, cancellationToken);
        }

        await queue.AppendAsync(entries, cancellationToken);
    }

    /// <summary>
    /// Writes entries of possibly several tenants in one transaction. With <paramref name="knownHeads"/> (one writer in
    /// this process, so the heads it last wrote are usually still the heads) first as one statement that writes only if
    /// the heads have not moved, trying again from the heads it found when another host moved them; otherwise, and
    /// after a few misses, locking the heads first (two round trips, the second of which inserts, moves the heads and
    /// commits).
    /// </summary>
    private Task<bool> WriteAuditAsync(IReadOnlyList<AuditEntry> entries, bool knownHeads, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var tenants = AuditChain.TenantsInLockOrder(entries);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var heads = knownHeads ? CachedAuditHeads(tenants) : null;
            for (var attempt = 0; heads is not null && attempt < OptimisticAuditAttempts; attempt++)
            {
                bool written;
                (written, heads) = await AppendAfterHeadsAsync(connection, entries, tenants, heads, cancellationToken);
                if (written)
                {
                    return true;
                }
            }

            await AppendUnderLockAsync(connection, entries, tenants, cancellationToken);
            return true;
        }, migrateFirst: true, cancellationToken);

    /// <summary>The heads this store last wrote or read for every one of <paramref name="tenants"/>, or null when it knows not all.</summary>
    private Dictionary<TenantId, AuditChainHead>? CachedAuditHeads(IReadOnlyList<TenantId> tenants)
    {
        var heads = new Dictionary<TenantId, AuditChainHead>(tenants.Count);
        foreach (var tenant in tenants)
        {
            if (!_auditHeads.TryGetValue(tenant, out var head))
            {
                return null;
            }

            heads[tenant] = head;
        }

        return heads;
    }

    /// <summary>
    /// One statement that appends after <paramref name="heads"/> if they are still the heads. Returns whether it wrote
    /// and, when it did not, the heads it found to try again from (null when a tenant has no head row yet: only locking
    /// creates one).
    /// </summary>
    private async Task<(bool Written, Dictionary<TenantId, AuditChainHead>? Found)> AppendAfterHeadsAsync(
        NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries, IReadOnlyList<TenantId> tenants, Dictionary<TenantId, AuditChainHead> heads, CancellationToken cancellationToken)
    {
        var after = new Dictionary<TenantId, AuditChainHead>(heads);
        var linked = AuditChain.Link(entries, after);
        await using var batch = new NpgsqlBatch(connection);
        var append = new NpgsqlBatchCommand(AuditSql.AppendAfterHeads);
        AddAuditEntries(append.Parameters, linked);
        AddHeads(append.Parameters, tenants, heads);
        AddHeads(append.Parameters, tenants, after);
        batch.BatchCommands.Add(PostgresTenantScope.For(tenants));
        batch.BatchCommands.Add(append);
        await batch.PrepareAsync(cancellationToken);

        var found = new Dictionary<TenantId, AuditChainHead>(tenants.Count);
        var written = false;
        await using (var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[TenantId.Parse(reader.GetString(0))] = new AuditChainHead(reader.GetInt64(1), reader.GetString(2));
                written = reader.GetBoolean(3);
            }
        }

        // The reader closes once the implicit transaction has ended: from here on the outcome is committed.
        RememberAuditHeads(written ? after : found);
        return (written, found.Count == tenants.Count ? found : null);
    }

    /// <summary>Begins a transaction, creates missing heads, locks the heads in tenant order, then appends and commits.</summary>
    private async Task AppendUnderLockAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries, IReadOnlyList<TenantId> tenants, CancellationToken cancellationToken)
    {
        try
        {
            var heads = await LockAuditHeadsAsync(connection, tenants, cancellationToken);
            var linked = AuditChain.Link(entries, heads);
            await using var write = new NpgsqlBatch(connection);
            var insert = new NpgsqlBatchCommand(AuditSql.Insert);
            AddAuditEntries(insert.Parameters, linked);
            var move = new NpgsqlBatchCommand(AuditSql.MoveHeads);
            AddHeads(move.Parameters, tenants, heads);
            write.BatchCommands.Add(insert);
            write.BatchCommands.Add(move);
            write.BatchCommands.Add(new NpgsqlBatchCommand(PostgresAuditStatements.Commit));
            await write.PrepareAsync(cancellationToken);
            await write.ExecuteNonQueryAsync(cancellationToken);
            RememberAuditHeads(heads);
        }
        catch (Exception) when (connection.State == ConnectionState.Open)
        {
            // Whatever failed, the transaction must not go back to the pool open (or aborted) with the heads locked.
            await RollBackQuietlyAsync(connection);
            throw;
        }
    }

    /// <summary>Keeps heads for the next append; a head another host has moved since only costs that append a retry.</summary>
    private void RememberAuditHeads(Dictionary<TenantId, AuditChainHead> heads)
    {
        foreach (var (tenant, head) in heads)
        {
            _auditHeads[tenant] = head;
        }
    }

    /// <summary>Three arrays, tenants (in lock order), sequences and hashes, of <paramref name="heads"/>.</summary>
    private static void AddHeads(NpgsqlParameterCollection parameters, IReadOnlyList<TenantId> tenants, Dictionary<TenantId, AuditChainHead> heads)
    {
        parameters.Add(Array(tenants.Select(t => t.Value).ToArray()));
        parameters.Add(Array(tenants.Select(t => heads[t].Sequence).ToArray()));
        parameters.Add(Array(tenants.Select(t => heads[t].Hash).ToArray()));
    }

    /// <summary>Begins the transaction, creates missing heads, and locks and reads the heads of <paramref name="tenants"/> (in lock order).</summary>
    private async Task<Dictionary<TenantId, AuditChainHead>> LockAuditHeadsAsync(NpgsqlConnection connection, IReadOnlyList<TenantId> tenants, CancellationToken cancellationToken)
    {
        var names = tenants.Select(t => t.Value).ToArray();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresAuditStatements.Begin));
        batch.BatchCommands.Add(PostgresTenantScope.For(tenants));
        var create = new NpgsqlBatchCommand(AuditSql.CreateHeads);
        create.Parameters.Add(Array(names));
        var lockHeads = new NpgsqlBatchCommand(AuditSql.LockHeads);
        lockHeads.Parameters.Add(Array(names));
        batch.BatchCommands.Add(create);
        batch.BatchCommands.Add(lockHeads);
        await batch.PrepareAsync(cancellationToken);

        var heads = new Dictionary<TenantId, AuditChainHead>(tenants.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (reader.FieldCount == 3 && await reader.ReadAsync(cancellationToken))
            {
                heads[TenantId.Parse(reader.GetString(0))] = new AuditChainHead(reader.GetInt64(1), reader.GetString(2));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return heads;
    }

    private static async Task RollBackQuietlyAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var rollback = new NpgsqlCommand(PostgresAuditStatements.Rollback, connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke; the server ends the transaction with it.
        }
    }

    /// <summary>The sixteen parameters of <see cref="PostgresAuditStatements.Insert"/>: tenant and columns as parallel arrays.</summary>
    private static void AddAuditEntries(NpgsqlParameterCollection parameters, IReadOnlyList<StoredAuditEntry> linked)
    {
        var count = linked.Count;
        var tenants = new string[count];
        var sequences = new long[count];
        var times = new DateTimeOffset[count];
        var actors = new string[count];
        var roles = new string?[count];
        var clients = new string?[count];
        var journeys = new Guid?[count];
        var categories = new string[count];
        var actions = new string[count];
        var outcomes = new string[count];
        var purposes = new string?[count];
        var reasons = new string?[count];
        var requests = new string?[count];
        var sources = new string?[count];
        var previous = new string[count];
        var hashes = new string[count];
        for (var i = 0; i < count; i++)
        {
            var (entry, sequence, previousHash, hash) = linked[i];
            tenants[i] = entry.Tenant.Value;
            sequences[i] = sequence;
            times[i] = entry.At;
            actors[i] = entry.Actor;
            roles[i] = entry.Roles;
            clients[i] = entry.Client;
            journeys[i] = entry.JourneyId;
            categories[i] = entry.Category;
            actions[i] = entry.Action;
            outcomes[i] = entry.Outcome;
            purposes[i] = entry.Purpose;
            reasons[i] = entry.BreakGlassReason;
            requests[i] = entry.RequestId;
            sources[i] = entry.SourceAddress;
            previous[i] = previousHash;
            hashes[i] = hash;
        }

        parameters.Add(Array(tenants));
        parameters.Add(Array(sequences));
        parameters.Add(Array(times));
        parameters.Add(Array(actors));
        parameters.Add(Array(roles));
        parameters.Add(Array(clients));
        parameters.Add(Array(journeys));
        parameters.Add(Array(categories));
        parameters.Add(Array(actions));
        parameters.Add(Array(outcomes));
        parameters.Add(Array(purposes));
        parameters.Add(Array(reasons));
        parameters.Add(Array(requests));
        parameters.Add(Array(sources));
        parameters.Add(Array(previous));
        parameters.Add(Array(hashes));
    }

    /// <summary>Reads entries whose columns are <see cref="PostgresAuditStatements.EntryColumns"/>, in order.</summary>
    private static async Task<IReadOnlyList<StoredAuditEntry>> ReadAuditEntriesAsync(NpgsqlDataReader reader, TenantId tenant, CancellationToken cancellationToken)
    {
        var entries = new List<StoredAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredAuditEntry(
                new AuditEntry(
                    tenant,
                    reader.GetFieldValue<DateTimeOffset>(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetGuid(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11),
                    reader.IsDBNull(12) ? null : reader.GetString(12)),
                reader.GetInt64(0),
                reader.GetString(13),
                reader.GetString(14)));
        }

        return entries;
    }

    private static void AddIfPresent<T>(NpgsqlParameterCollection parameters, T? value, Func<T, NpgsqlParameter> parameter)
        where T : struct
    {
        if (value is { } present)
        {
            parameters.Add(parameter(present));
        }
    }

    private static void AddIfPresent(NpgsqlParameterCollection parameters, string? value, Func<string, NpgsqlParameter> parameter)
    {
        if (value is not null)
        {
            parameters.Add(parameter(value));
        }
    }
}
