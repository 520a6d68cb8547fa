using Microsoft.Data.Sqlite;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// The audit log (<see cref="IAuditLog"/>) beside the journeys, on the same file, write gate and error handling.
/// Audit appends join the store's one write queue with the journeys' appends: concurrent ones share a transaction,
/// one write lock and one sync to disk per batch, so auditing every read (or a command, right after its events) does
/// not queue behind a commit of its own.
/// </summary>
public sealed partial class SqliteJourneyStore : IAuditLog
{
    private const string AuditColumns =
        "sequence, at, actor, roles, client, journey_id, category, action, outcome, purpose, break_glass_reason, request_id, source_address, previous_hash, hash";

    public Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        AuditEntry.ValidateAll(entries);
        return entries.Count == 0 ? Task.CompletedTask : _writes.AppendAsync(new StoreWrite(null, entries), cancellationToken);
    }

    public Task<AuditPage> QueryAsync(TenantId tenant, AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        return RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            const string Filter = """
                FROM audit_entries WHERE tenant = $tenant
                  AND ($journey IS NULL OR journey_id = $journey)
                  AND ($actor IS NULL OR actor = $actor)
                  AND ($from IS NULL OR at >= $from)
                  AND ($to IS NULL OR at < $to)
                  AND ($category IS NULL OR category = $category)
                  AND ($outcome IS NULL OR outcome = $outcome)
                  AND ($emergency = 0 OR break_glass_reason IS NOT NULL)
                """;
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) " + Filter;
            AddAuditFilter(count, tenant, query);
            var total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;

            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {AuditColumns} {Filter} AND sequence > $after ORDER BY sequence LIMIT $limit OFFSET $offset";
            AddAuditFilter(select, tenant, query);
            select.Parameters.AddWithValue("$after", query.AfterSequence);
            select.Parameters.AddWithValue("$limit", query.PageSize);
            select.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            return new AuditPage(await ReadAuditEntriesAsync(select, tenant, cancellationToken), total);
        });
    }

    public Task<AuditVerification> VerifyAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            // A read transaction: one snapshot of the file (WAL) for the head and every entry, while appends go on.
            await using var connection = await OpenAsync(cancellationToken);
            await using var tx = connection.BeginTransaction(deferred: true);
            var (anchor, head) = await ReadAnchorAndHeadAsync(connection, tx, tenant, cancellationToken);
            return await AuditChainWalk.VerifyAsync(tenant, anchor, head, async after =>
            {
                await using var chunk = connection.CreateCommand();
                chunk.Transaction = tx;
                chunk.CommandText = $"SELECT {AuditColumns} FROM audit_entries WHERE tenant = $tenant AND sequence > $after ORDER BY sequence LIMIT $limit";
                chunk.Parameters.AddWithValue("$tenant", tenant.Value);
                chunk.Parameters.AddWithValue("$after", after);
                chunk.Parameters.AddWithValue("$limit", AuditChainWalk.ChunkSize);
                return await ReadAuditEntriesAsync(chunk, tenant, cancellationToken);
            });
        });

    public async Task<AuditPurge> PurgeAsync(TenantId tenant, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var verification = await VerifyAsync(tenant, cancellationToken);
        return await RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await _writeGate.WaitAsync(cancellationToken);
            try
            {
                // Under the write lock, so no append of the tenant interleaves; the gate row opens deletes of this
                // tenant's entries and is gone again when the transaction commits.
                await using var tx = connection.BeginTransaction(deferred: false);
                var (anchor, _) = await ReadAnchorAndHeadAsync(connection, tx, tenant, cancellationToken);
                if (!verification.IsIntact)
                {
                    return new AuditPurge(tenant, 0, anchor, verification);
                }

                AuditChainHead? cut = null;
                await using (var find = connection.CreateCommand())
                {
                    find.Transaction = tx;
                    find.CommandText = """
                        SELECT sequence, hash FROM audit_entries
                        WHERE tenant = $tenant AND sequence > $anchor
                          AND sequence < coalesce((SELECT min(sequence) FROM audit_entries WHERE tenant = $tenant AND sequence > $anchor AND at >= $before), 9223372036854775807)
                        ORDER BY sequence DESC LIMIT 1
                        """;
                    find.Parameters.AddWithValue("$tenant", tenant.Value);
                    find.Parameters.AddWithValue("$anchor", anchor.Sequence);
                    find.Parameters.AddWithValue("$before", Text(before));
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

                await using var purge = connection.CreateCommand();
                purge.Transaction = tx;
                purge.CommandText = """
                    INSERT INTO audit_purge_gate (tenant) VALUES ($tenant);
                    DELETE FROM audit_entries WHERE tenant = $tenant AND sequence <= $last;
                    DELETE FROM audit_purge_gate WHERE tenant = $tenant;
                    INSERT INTO audit_chain_anchors (tenant, sequence, hash, purged_before, purged_at) VALUES ($tenant, $last, $hash, $before, $now)
                    ON CONFLICT (tenant) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash,
                        purged_before = excluded.purged_before, purged_at = excluded.purged_at;
                    """;
                purge.Parameters.AddWithValue("$tenant", tenant.Value);
                purge.Parameters.AddWithValue("$last", last.Sequence);
                purge.Parameters.AddWithValue("$hash", last.Hash);
                purge.Parameters.AddWithValue("$before", Text(before));
                purge.Parameters.AddWithValue("$now", Text(_time.GetUtcNow()));
                await purge.ExecuteNonQueryAsync(cancellationToken);
                await tx.CommitAsync(cancellationToken);
                return new AuditPurge(tenant, last.Sequence - anchor.Sequence, last, verification);
            }
            finally
            {
                _writeGate.Release();
            }
        });
    }

    /// <summary>Where the tenant's kept chain starts (the anchor a purge left, if any) and its recorded head.</summary>
    private static async Task<(AuditChainHead Anchor, AuditChainHead Head)> ReadAnchorAndHeadAsync(
        SqliteConnection connection, SqliteTransaction tx, TenantId tenant, CancellationToken cancellationToken)
    {
        await using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = """
            SELECT coalesce((SELECT sequence FROM audit_chain_anchors WHERE tenant = $tenant), 0),
                   (SELECT hash FROM audit_chain_anchors WHERE tenant = $tenant),
                   coalesce((SELECT sequence FROM audit_chain_heads WHERE tenant = $tenant), 0),
                   (SELECT hash FROM audit_chain_heads WHERE tenant = $tenant)
            """;
        read.Parameters.AddWithValue("$tenant", tenant.Value);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (
            reader.IsDBNull(1) ? AuditChainHead.Empty : new AuditChainHead(reader.GetInt64(0), reader.GetString(1)),
            reader.IsDBNull(3) ? AuditChainHead.Empty : new AuditChainHead(reader.GetInt64(2), reader.GetString(3)));
    }

    public Task<IReadOnlyList<TenantId>> ListAuditedTenantsAsync(CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<TenantId>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT tenant FROM audit_chain_heads WHERE sequence > 0 ORDER BY tenant";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tenants = new List<TenantId>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tenants.Add(TenantId.Parse(reader.GetString(0)));
            }

            return tenants;
        });

    /// <summary>Writes entries of possibly several tenants in the batch's transaction, each tenant's chain moved on.</summary>
    private static async Task WriteAuditEntriesAsync(SqliteConnection connection, SqliteTransaction tx, IReadOnlyList<AuditEntry> entries)
    {
        var heads = new Dictionary<TenantId, AuditChainHead>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT sequence, hash FROM audit_chain_heads WHERE tenant = $tenant";
            var tenantParameter = read.Parameters.Add("$tenant", SqliteType.Text);
            foreach (var tenant in AuditChain.TenantsInLockOrder(entries))
            {
                tenantParameter.Value = tenant.Value;
                await using var reader = await read.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    heads[tenant] = new AuditChainHead(reader.GetInt64(0), reader.GetString(1));
                }
            }
        }

        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"""
                INSERT INTO audit_entries (tenant, {AuditColumns})
                VALUES ($tenant, $sequence, $at, $actor, $roles, $client, $journey, $category, $action, $outcome, $purpose, $reason, $request, $source, $previous, $hash)
                """;
            foreach (var stored in AuditChain.Link(entries, heads))
            {
                insert.Parameters.Clear();
                AddAuditRow(insert, stored);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using (var move = connection.CreateCommand())
        {
            move.Transaction = tx;
            move.CommandText = """
                INSERT INTO audit_chain_heads (tenant, sequence, hash) VALUES ($tenant, $sequence, $hash)
                ON CONFLICT (tenant) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash
                """;
            foreach (var (tenant, head) in heads)
            {
                move.Parameters.Clear();
                move.Parameters.AddWithValue("$tenant", tenant.Value);
                move.Parameters.AddWithValue("$sequence", head.Sequence);
                move.Parameters.AddWithValue("$hash", head.Hash);
                await move.ExecuteNonQueryAsync();
            }
        }
    }

    private static void AddAuditRow(SqliteCommand insert, StoredAuditEntry stored)
    {
        var entry = stored.Entry;
        insert.Parameters.AddWithValue("$tenant", entry.Tenant.Value);
        insert.Parameters.AddWithValue("$sequence", stored.Sequence);
        insert.Parameters.AddWithValue("$at", Text(entry.At));
        insert.Parameters.AddWithValue("$actor", entry.Actor);
        insert.Parameters.AddWithValue("$roles", (object?)entry.Roles ?? DBNull.Value);
        insert.Parameters.AddWithValue("$client", (object?)entry.Client ?? DBNull.Value);
        insert.Parameters.AddWithValue("$journey", entry.JourneyId is { } journey ? Key(journey) : DBNull.Value);
        insert.Parameters.AddWithValue("$category", entry.Category);
        insert.Parameters.AddWithValue("$action", entry.Action);
        insert.Parameters.AddWithValue("$outcome", entry.Outcome);
        insert.Parameters.AddWithValue("$purpose", (object?)entry.Purpose ?? DBNull.Value);
        insert.Parameters.AddWithValue("$reason", (object?)entry.BreakGlassReason ?? DBNull.Value);
        insert.Parameters.AddWithValue("$request", (object?)entry.RequestId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$source", (object?)entry.SourceAddress ?? DBNull.Value);
        insert.Parameters.AddWithValue("$previous", stored.PreviousHash);
        insert.Parameters.AddWithValue("$hash", stored.Hash);
    }

    private static void AddAuditFilter(SqliteCommand command, TenantId tenant, AuditQuery query)
    {
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        command.Parameters.AddWithValue("$journey", query.JourneyId is { } journey ? Key(journey) : DBNull.Value);
        command.Parameters.AddWithValue("$actor", (object?)query.Actor ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", query.From is { } from ? Text(from) : DBNull.Value);
        command.Parameters.AddWithValue("$to", query.To is { } to ? Text(to) : DBNull.Value);
        command.Parameters.AddWithValue("$category", (object?)query.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$outcome", (object?)query.Outcome ?? DBNull.Value);
        command.Parameters.AddWithValue("$emergency", query.EmergencyOnly ? 1 : 0);
    }

    /// <summary>Executes a read whose columns are <see cref="AuditColumns"/>, in order.</summary>
    private static async Task<IReadOnlyList<StoredAuditEntry>> ReadAuditEntriesAsync(SqliteCommand command, TenantId tenant, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<StoredAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new StoredAuditEntry(
                new AuditEntry(
                    tenant,
                    Time(reader.GetString(1)),
                    reader.GetString(2),
                    NullableText(reader, 3),
                    NullableText(reader, 4),
                    reader.IsDBNull(5) ? null : Guid.Parse(reader.GetString(5)),
                    reader.GetString(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    NullableText(reader, 9),
                    NullableText(reader, 10),
                    NullableText(reader, 11),
                    NullableText(reader, 12)),
                reader.GetInt64(0),
                reader.GetString(13),
                reader.GetString(14)));
        }

        return entries;
    }

    private static string? NullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
