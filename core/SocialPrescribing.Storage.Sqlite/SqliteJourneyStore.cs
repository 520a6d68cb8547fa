using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// The embedded engine. SQLite allows one writer at a time, so writes queue on a gate in this process
/// rather than spinning on SQLITE_BUSY; reads run beside them thanks to the WAL journal. Journey appends
/// and audit entries that queue while the gate is held are written together, one transaction and one fsync for all
/// (see <see cref="AppendAsync(JourneyAppend, CancellationToken)"/>).
/// </summary>
public sealed partial class SqliteJourneyStore : IJourneyStore, IDisposable, IAsyncDisposable
{
    /// <summary>The most one group commit writes: journey appends, and audit entries, count one each.</summary>
    private const int MaxWritesPerCommit = 256;

    /// <summary>How many appends (journey or audit) may wait for a writer.</summary>
    private const int AppendQueueLimit = 4096;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly AppendCounters _counters = new();
    private readonly GroupCommitQueue<StoreWrite> _writes;
    private readonly StoreMetrics _metrics;
    private long _writeBatches;

    /// <summary>The connection group commits write on, with their statements prepared; used only under the write gate.</summary>
    private SqliteAppendWriter? _writer;
    private readonly string _connectionString;
    private readonly ILogger<SqliteJourneyStore> _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteJourneyStore(IOptions<SqliteStorageOptions> options, TimeProvider time, ILogger<SqliteJourneyStore> logger, IMeterFactory? meterFactory = null)
    {
        _time = time;
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var path = options.Value.DatabasePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writes = new GroupCommitQueue<StoreWrite>(WriteBatchAsync, write => write.Size, MaxWritesPerCommit, AppendQueueLimit, "The journey store is shutting down.");
        _metrics = new StoreMetrics(meterFactory, "SocialPrescribing.Storage.Sqlite", path, _counters, () => _writes.Queued);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public Task MigrateAsync() => RunAsync(async () =>
    {
        await using var connection = await OpenAsync(CancellationToken.None, migrated: false);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;");
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");
        foreach (var (version, sql) in SqliteMigrations.Steps)
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            await using var check = connection.CreateCommand();
            check.Transaction = tx;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = $v";
            check.Parameters.AddWithValue("$v", version);
            if ((long)(await check.ExecuteScalarAsync())! > 0)
            {
                continue;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = tx;
            apply.CommandText = sql + "; INSERT INTO schema_migrations (version, applied_at) VALUES ($v, $at);";
            apply.Parameters.AddWithValue("$v", version);
            apply.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await apply.ExecuteNonQueryAsync();
            await tx.CommitAsync();
            LogMigrationApplied(version);
        }

        // The planner's statistics, sampled (a few hundred rows per index: milliseconds, however large the file), at each
        // start: without them SQLite cannot tell that a partial index (open alerts, assessed journeys) holds few rows,
        // and reads the whole tenant's caseload instead.
        await ExecuteAsync(connection, "PRAGMA analysis_limit=400; ANALYZE;");
    });

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredEvent>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT version, event_type, data, command_id, actor, occurred_at
                FROM journey_events WHERE tenant = $tenant AND journey_id = $journey ORDER BY version
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$journey", Key(journeyId));
            return await ReadEventsAsync(command, cancellationToken);
        });

    /// <summary>Executes a stream read; its columns are version, type, data, command id, actor and time, in order.</summary>
    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                Guid.Parse(reader.GetString(3)),
                reader.GetString(4),
                Time(reader.GetString(5))));
        }

        return events;
    }

    /// <summary>Appends and the transactions that committed them since the store was created.</summary>
    public SqliteAppendStatistics AppendStatistics => new(_counters.Transactions, _counters.Appends, _counters.Conflicts, _counters.LargestBatch);

    /// <summary>
    /// Appends with group commit (<see cref="GroupCommitQueue{T}"/>): the append joins a queue, and one writer at a
    /// time writes every append queued by then in one transaction under the write gate, so appends from many journeys
    /// (and the audit entries queued beside them) share one commit and one fsync. The caller is released once the
    /// transaction holding its append is durable. Each append is checked against its stream's version on its own,
    /// inside a savepoint: a stale one fails alone (<see cref="StreamVersionConflictException"/>) and the rest commit;
    /// any other failure fails the whole batch with nothing of it written.
    /// </summary>
    public Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var startedAt = Stopwatch.GetTimestamp();
        return _metrics.Time(_writes.AppendAsync(new StoreWrite(append, null), cancellationToken), startedAt);
    }

    /// <summary>Batches the write queue has handed to the writer (each one transaction), for tests.</summary>
    internal long WriteBatches => Interlocked.Read(ref _writeBatches);

    /// <summary>Writes waiting in the queue, for tests.</summary>
    internal int QueuedWrites => _writes.Queued;

    /// <summary>The gate every write of this store takes, for tests that hold writes back.</summary>
    internal SemaphoreSlim WriteGate => _writeGate;

    /// <summary>What the store's one write queue takes: a journey's append, or a caller's audit entries.</summary>
    private sealed record StoreWrite(JourneyAppend? Append, IReadOnlyList<AuditEntry>? Audit)
    {
        /// <summary>What it counts towards a batch: one per append, one per audit entry.</summary>
        public int Size => Append is null ? Audit!.Count : 1;
    }

    /// <summary>
    /// Writes a batch of journey appends and audit entries in one transaction under the write gate and tells their
    /// callers. A request's command and its audit entry are two writes in turn; under load another request's append
    /// and this one's entry share a commit instead of taking one each.
    /// </summary>
    private async Task WriteBatchAsync(IReadOnlyList<PendingWrite<StoreWrite>> batch)
    {
        Interlocked.Increment(ref _writeBatches);
        var refused = new Exception?[batch.Count];
        var appends = batch.Count(p => p.Item.Append is not null);
        List<AuditEntry> audited = [.. batch.SelectMany(p => p.Item.Audit ?? [])];
        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await RunAsync(async () =>
            {
                var writer = _writer ??= SqliteAppendWriter.On(await OpenAsync(CancellationToken.None), UpsertSummary);
                await using var tx = writer.Connection.BeginTransaction(deferred: false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (batch[i].Item.Append is { } append)
                    {
                        refused[i] = await WriteAppendAsync(writer, tx, append, savepoint: batch.Count > 1);
                    }
                }

                if (audited.Count > 0)
                {
                    await WriteAuditEntriesAsync(writer.Connection, tx, audited);
                }

                await tx.CommitAsync(CancellationToken.None);
            });
        }
        catch
        {
            // The next batch starts on a fresh connection; the queue fails this batch's callers with the exception.
            _writer?.Dispose();
            _writer = null;
            throw;
        }
        finally
        {
            _writeGate.Release();
        }

        if (appends > 0)
        {
            _counters.Committed(appends - refused.Count(r => r is not null), refused.Count(r => r is not null));
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (refused[i] is { } reason)
            {
                batch[i].Fail(reason);
            }
            else
            {
                batch[i].Commit();
            }
        }
    }

    /// <summary>
    /// One append inside the batch's transaction: null when written, or why it was refused (a stale version, or a
    /// constraint its own values broke, undone to its savepoint). Other failures are thrown and end the batch.
    /// </summary>
    private static async Task<Exception?> WriteAppendAsync(SqliteAppendWriter writer, SqliteTransaction tx, JourneyAppend append, bool savepoint)
    {
        var tenant = append.Tenant.Value;
        var journey = Key(append.JourneyId);
        var current = (long)(await writer.Version(tx, tenant, journey).ExecuteScalarAsync())!;
        if (current != append.ExpectedVersion)
        {
            return new StreamVersionConflictException(append.JourneyId, append.ExpectedVersion);
        }

        if (savepoint)
        {
            tx.Save("append");
        }

        try
        {
            var next = append.ExpectedVersion;
            foreach (var e in append.Events)
            {
                await writer.Insert(tx, tenant, journey, ++next, e.Type, e.Data, e.CommandId.ToString(), e.Actor, Text(e.OccurredAt)).ExecuteNonQueryAsync();
            }

            await writer.Upsert(tx, tenant, journey, next, JourneySummary.Columns.Select(c => ColumnValue(c, append.Summary))).ExecuteNonQueryAsync();
        }
        catch (SqliteException ex) when (savepoint && ex.SqliteErrorCode == 19)
        {
            tx.Rollback("append");
            tx.Release("append");
            return new StreamVersionConflictException("The stream changed while appending.", ex);
        }

        if (savepoint)
        {
            tx.Release("append");
        }

        return null;
    }

    public Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            JourneyQueries.ThrowIfAfterMisused(query);
            await using var connection = await OpenAsync(cancellationToken);
            var filter = Filter(query);
            var total = query.KnownTotal ?? -1;
            if (query.KnownTotal is null)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT COUNT(*) " + filter;
                AddFilter(count, tenant, query);
                total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            }

            await using var select = connection.CreateCommand();
            var order = query.ByUrgency
                ? "open_safety_alerts > 0 DESC, first_contact_overdue DESC, status IN ('referred', 'accepted', 'engaged') DESC, next_follow_up_on IS NULL, next_follow_up_on, coalesce(last_contact_at, referred_at), journey_id"
                : query.ByOldestOpenAlert ? "oldest_open_alert_at IS NULL, oldest_open_alert_at, journey_id"
                : "referred_at DESC, journey_id";
            // After a position, newest first then by id: a range of the (…, referred_at DESC, journey_id) index.
            var after = query.After is null ? string.Empty : " AND referred_at <= $after_at AND (referred_at < $after_at OR journey_id > $after_id)";
            select.CommandText = ListColumns + "\n" + filter + after + $"\nORDER BY {order} LIMIT $limit OFFSET $offset";
            AddFilter(select, tenant, query);
            if (query.After is { } position)
            {
                select.Parameters.AddWithValue("$after_at", Text(position.ReferredAt));
                select.Parameters.AddWithValue("$after_id", Key(position.JourneyId));
            }

            select.Parameters.AddWithValue("$limit", query.PageSize);
            select.Parameters.AddWithValue("$offset", (long)(query.Page - 1) * query.PageSize);
            return new JourneyPage(await ReadListItemsAsync(select, cancellationToken), total);
        });

    public Task<IReadOnlyList<JourneyListItem>> FindSameClientAsync(TenantId tenant, string clientName, DateOnly birthDate, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<JourneyListItem>>(async () =>
        {
            ArgumentNullException.ThrowIfNull(clientName);
            await using var connection = await OpenAsync(cancellationToken);
            await using var select = connection.CreateCommand();
            // SQLite's lower() folds ASCII only: names are compared here.
            select.CommandText = ListColumns + """

                FROM journeys WHERE tenant = $tenant AND birth_date = $born
                ORDER BY referred_at DESC, journey_id
                """;
            select.Parameters.AddWithValue("$tenant", tenant.Value);
            select.Parameters.AddWithValue("$born", Text(birthDate));
            var same = await ReadListItemsAsync(select, cancellationToken);
            return [.. same.Where(i => string.Equals(i.Summary.ClientName, clientName, StringComparison.OrdinalIgnoreCase)).Take(20)];
        });

    private static readonly CaseloadColumn[] ListedColumns = [.. JourneySummary.Columns.Where(c => c.Listed)];

    /// <summary>What listings select: the journey, its version, then the listed columns in <see cref="JourneySummary.Columns"/> order.</summary>
    private static readonly string ListColumns = "SELECT journey_id, version, " + string.Join(", ", ListedColumns.Select(c => c.Name));

    private static async Task<List<JourneyListItem>> ReadListItemsAsync(SqliteCommand select, CancellationToken cancellationToken)
    {
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var items = new List<JourneyListItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var summary = JourneySummary.Empty;
            var ordinal = 2;
            foreach (var column in ListedColumns)
            {
                summary = column.WithValue(summary, reader.IsDBNull(ordinal) ? null : column.Kind switch
                {
                    CaseloadColumnKind.Text or CaseloadColumnKind.Json => reader.GetString(ordinal),
                    CaseloadColumnKind.Count => reader.GetInt32(ordinal),
                    CaseloadColumnKind.Boolean => reader.GetInt64(ordinal) != 0,
                    CaseloadColumnKind.Instant => Time(reader.GetString(ordinal)),
                    CaseloadColumnKind.Date => Day(reader.GetString(ordinal)),
                    _ => throw UnknownKind(column),
                });
                ordinal++;
            }

            items.Add(new JourneyListItem(Guid.Parse(reader.GetString(0)), reader.GetInt64(1), summary));
        }

        return items;
    }

    private static ArgumentOutOfRangeException UnknownKind(CaseloadColumn column) =>
        new(nameof(column), column.Kind, $"Caseload column '{column.Name}' is of a kind the SQLite store does not know.");

    public Task<IReadOnlyList<FirstContactTime>> ListFirstContactTimesAsync(TenantId tenant, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<FirstContactTime>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT link_worker_id, referred_at, first_contact_at FROM journeys WHERE tenant = $tenant AND first_contact_at >= $since";
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$since", Text(since));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var times = new List<FirstContactTime>();
            while (await reader.ReadAsync(cancellationToken))
            {
                times.Add(new FirstContactTime(reader.IsDBNull(0) ? null : reader.GetString(0), Time(reader.GetString(1)), Time(reader.GetString(2))));
            }

            return times;
        });

    public Task<IReadOnlyList<CaseloadTally>> TallyCaseloadsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<CaseloadTally>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT link_worker_id, status, COUNT(*), SUM(first_contact_overdue <> 0), SUM(open_safety_alerts > 0)
                FROM journeys WHERE tenant = $tenant
                GROUP BY link_worker_id, status
                ORDER BY link_worker_id IS NOT NULL, link_worker_id, status
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var tallies = new List<CaseloadTally>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tallies.Add(new CaseloadTally(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }

            return tallies;
        });

    public Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset? dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            "first_contact_due_at", "awaits_first_contact_check = 1 AND first_contact_due_at IS NOT NULL", string.Empty,
            tenant, dueBy, after is null ? null : (after.DueAt, after.JourneyId), limit,
            reader => new PendingFirstContactCheck(Guid.Parse(reader.GetString(0)), Time(reader.GetString(1))),
            cancellationToken);

    public Task<IReadOnlyList<AwaitedPartnerAnswer>> ListAwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset? madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            "partner_answer_awaited_since", "partner_answer_awaited_since IS NOT NULL", ", coalesce(community_referrals, '[]')",
            tenant, madeBy, after is null ? null : (after.AwaitedSince, after.JourneyId), limit,
            reader => new AwaitedPartnerAnswer(Guid.Parse(reader.GetString(0)), Time(reader.GetString(1)), reader.GetString(2)),
            cancellationToken);

    public Task<IReadOnlyList<UnnotifiedEmergencyAccess>> ListUnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            "last_unnotified_emergency_access_at", "last_unnotified_emergency_access_at IS NOT NULL", string.Empty,
            tenant, null, after is null ? null : (after.LastOpenedAt, after.JourneyId), limit,
            reader => new UnnotifiedEmergencyAccess(Guid.Parse(reader.GetString(0)), Time(reader.GetString(1))),
            cancellationToken);

    /// <summary>
    /// A page of journeys off a partial index of due work, in (<paramref name="at"/>, journey) order: those matching
    /// <paramref name="indexed"/> whose instant is at or before <paramref name="by"/> (any when null), after
    /// <paramref name="after"/>. Each row is the journey, the instant, then <paramref name="more"/> columns.
    /// </summary>
    private Task<IReadOnlyList<T>> ReadDueAsync<T>(
        string at, string indexed, string more, TenantId tenant, DateTimeOffset? by, (DateTimeOffset At, Guid JourneyId)? after, int limit,
        Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(async () =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Times are stored as fixed-width UTC text, so they compare as the moments they are.
            command.CommandText = $"""
                SELECT journey_id, {at}{more} FROM journeys
                WHERE tenant = $tenant AND {indexed} AND {at} <= $by AND ({at}, journey_id) > ($afterAt, $afterJourney)
                ORDER BY {at}, journey_id LIMIT $limit
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$by", Text(by ?? DateTimeOffset.MaxValue));
            command.Parameters.AddWithValue("$afterAt", after is null ? string.Empty : Text(after.Value.At));
            command.Parameters.AddWithValue("$afterJourney", after is null ? string.Empty : Key(after.Value.JourneyId));
            command.Parameters.AddWithValue("$limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        });

    public Task<IReadOnlyList<JourneyReferralDigest>> ListCommunityReferralDigestsAsync(
        TenantId tenant, IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<JourneyReferralDigest>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT journey_id, client_name, link_worker_id, coalesce(community_referrals, '[]'), unmet_needs FROM journeys
                WHERE tenant = $tenant AND (community_referrals IS NOT NULL OR unmet_needs IS NOT NULL)
                  AND ($organizations IS NULL OR community_referrals IS NOT NULL AND EXISTS (
                      SELECT 1 FROM json_each(community_referrals) AS r
                      WHERE json_extract(r.value, '$.organizationId') IN (SELECT value FROM json_each($organizations))))
                ORDER BY journey_id
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$organizations", JourneyReferralDigest.OrganizationsJson(organizations) ?? (object)DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await ReadReferralDigestsAsync(reader, cancellationToken);
        });

    private static async Task<IReadOnlyList<JourneyReferralDigest>> ReadReferralDigestsAsync(SqliteDataReader reader, CancellationToken cancellationToken)
    {
        var digests = new List<JourneyReferralDigest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            digests.Add(new JourneyReferralDigest(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3))
            {
                UnmetNeeds = reader.IsDBNull(4) ? null : reader.GetString(4),
            });
        }

        return digests;
    }

    public Task<IReadOnlyList<JourneyOutcomeMeasures>> ListOutcomeMeasuresAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<JourneyOutcomeMeasures>>(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // The period's outcome measures off their covering index; a row written before the caseload kept them gives its
            // assessment digest instead; one written before it kept when assessments were taken comes whatever the period, not counted.
            var period = $"{(since is null ? "" : "last_assessed_at >= $since AND ")}first_assessed_at <= $until";
            command.CommandText = $"""
                SELECT journey_id, outcome_measures, NULL, 1 FROM journeys
                WHERE tenant = $tenant AND outcome_measures IS NOT NULL AND {period}
                UNION ALL
                SELECT journey_id, NULL, assessment_digest, first_assessed_at IS NOT NULL FROM journeys
                WHERE tenant = $tenant AND outcome_measures IS NULL AND assessment_digest IS NOT NULL
                  AND (first_assessed_at IS NULL OR {period})
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$until", Text(until));
            if (since is { } first)
            {
                command.Parameters.AddWithValue("$since", Text(first));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var measures = new List<JourneyOutcomeMeasures>();
            while (await reader.ReadAsync(cancellationToken))
            {
                measures.Add(new JourneyOutcomeMeasures(Guid.Parse(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
                {
                    Counted = reader.GetInt32(3) == 1,
                });
            }

            return measures;
        });

    public Task<AssessedJourneys> CountAssessedJourneysAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Journeys assessed (older rows without measures counted apart), then per instrument those with its baseline:
            // each distinct set of baselines counted off its index, then spread over its instruments.
            command.CommandText = """
                SELECT NULL,
                    (SELECT count(*) FROM journeys WHERE tenant = $tenant AND outcome_measures IS NOT NULL)
                    + (SELECT count(*) FROM journeys WHERE tenant = $tenant AND outcome_measures IS NULL AND assessment_digest IS NOT NULL AND first_assessed_at IS NOT NULL)
                UNION ALL
                SELECT b.value, sum(g.n) FROM (
                    SELECT baseline_instruments, count(*) AS n FROM journeys
                    WHERE tenant = $tenant AND baseline_instruments IS NOT NULL GROUP BY baseline_instruments
                ) AS g, json_each(g.baseline_instruments) AS b
                GROUP BY b.value
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await AssessedJourneys.ReadAsync(reader, cancellationToken);
        });

    public Task<ProgramConnections> CountConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT link_worker_id, count(*), count(*) FILTER (WHERE first_program_started_at <= $until) FROM journeys
                WHERE tenant = $tenant AND first_program_referral_at IS NOT NULL{(since is null ? "" : " AND first_program_referral_at >= $since")} AND first_program_referral_at <= $until
                GROUP BY link_worker_id;
                SELECT journey_id, client_name, link_worker_id, community_referrals, unmet_needs FROM journeys
                WHERE tenant = $tenant AND community_referrals IS NOT NULL AND first_program_referral_at IS NULL;
                """;
            command.Parameters.AddWithValue("$tenant", tenant.Value);
            command.Parameters.AddWithValue("$until", Text(until));
            if (since is { } first)
            {
                command.Parameters.AddWithValue("$since", Text(first));
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var counted = new List<LinkWorkerConnections>();
            while (await reader.ReadAsync(cancellationToken))
            {
                counted.Add(new LinkWorkerConnections(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
            }

            await reader.NextResultAsync(cancellationToken);
            return new ProgramConnections(counted, await ReadReferralDigestsAsync(reader, cancellationToken));
        });

    public Task CheckHealthAsync(CancellationToken cancellationToken = default) => RunAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT 1 FROM schema_migrations LIMIT 1;");
    });

    /// <summary>
    /// Lets queued appends (journey and audit) be written and refuses new ones (<see cref="StorageUnavailableException"/>),
    /// then closes the store: what a caller was told is written is on disk when the host stops.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _writes.CloseAsync();
        Dispose();
    }

    public void Dispose()
    {
        _metrics.Dispose();
        _writer?.Dispose();
        _writeGate.Dispose();
        _migrationGate.Dispose();
        foreach (var lease in _consumers.Values)
        {
            lease.Dispose();
        }
    }

    /// <summary>Migrates on first use; a failed attempt is not remembered, so the next call tries again.</summary>
    private async Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        await _migrationGate.WaitAsync(cancellationToken);
        try
        {
            if (!_migrated)
            {
                await MigrateAsync();
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>
    /// Runs an INSERT once per event, numbering them on from <paramref name="expectedVersion"/>; the statement names
    /// its stream's key parameters itself and takes the event as <c>$version $type $data $command $actor $at</c>.
    /// </summary>
    private static async Task InsertNumberedAsync(SqliteCommand insert, long expectedVersion, IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var version = insert.Parameters.Add("$version", SqliteType.Integer);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var data = insert.Parameters.Add("$data", SqliteType.Text);
        var commandId = insert.Parameters.Add("$command", SqliteType.Text);
        var actor = insert.Parameters.Add("$actor", SqliteType.Text);
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var next = expectedVersion;
        foreach (var e in events)
        {
            version.Value = ++next;
            type.Value = e.Type;
            data.Value = e.Data;
            commandId.Value = e.CommandId.ToString();
            actor.Value = e.Actor;
            at.Value = Text(e.OccurredAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Writes a journey's caseload row, or replaces it: its columns are <see cref="JourneySummary.Columns"/>, parameters <c>$c0</c>, <c>$c1</c>…</summary>
    private static readonly string UpsertSummary = $"""
        INSERT INTO journeys (tenant, journey_id, version, {string.Join(", ", JourneySummary.Columns.Select(c => c.Name))})
        VALUES ($tenant, $journey, $version, {string.Join(", ", JourneySummary.Columns.Select((_, i) => $"$c{i}"))})
        ON CONFLICT (tenant, journey_id) DO UPDATE SET
            version = excluded.version, {string.Join(", ", JourneySummary.Columns.Select(c => $"{c.Name} = excluded.{c.Name}"))}
        """;

    private static async Task UpsertSummaryAsync(SqliteConnection connection, SqliteTransaction tx, JourneyAppend append, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = UpsertSummary;
        command.Parameters.AddWithValue("$tenant", append.Tenant.Value);
        command.Parameters.AddWithValue("$journey", Key(append.JourneyId));
        command.Parameters.AddWithValue("$version", append.ExpectedVersion + append.Events.Count);
        var columns = JourneySummary.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            command.Parameters.AddWithValue($"$c{i}", ColumnValue(columns[i], append.Summary));
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A caseload column's value as SQLite keeps it: flags as 0 and 1, instants and days as text.</summary>
    private static object ColumnValue(CaseloadColumn column, JourneySummary summary) => column.ValueOf(summary) switch
    {
        null => DBNull.Value,
        bool flag => flag ? 1 : 0,
        DateTimeOffset at => Text(at),
        DateOnly day => Text(day),
        var value => value,
    };

    /// <summary>
    /// A caseload listing's conditions. Filters that are absent are left out of the text rather than written as
    /// <c>($x IS NULL OR col = $x)</c>, which keeps SQLite's planner off every index; the flags are written as the
    /// partial indexes' own conditions, so those indexes serve them.
    /// </summary>
    private static string Filter(JourneyQuery query)
    {
        var filter = new System.Text.StringBuilder("FROM journeys WHERE tenant = $tenant");
        if (query.Status is not null)
        {
            filter.Append(" AND status = $status");
        }

        if (query.LinkWorkerId is not null)
        {
            filter.Append(" AND link_worker_id = $worker");
        }

        if (query.OpenSafetyAlertsOnly)
        {
            filter.Append(" AND open_safety_alerts > 0");
        }

        if (query.TripsAwaitingPartnerOnly)
        {
            filter.Append(" AND trips_awaiting_partner > 0");
        }

        if (query.FirstContactOverdueOnly)
        {
            filter.Append(" AND first_contact_overdue = 1");
        }

        if (query.NoContactSince is not null)
        {
            filter.Append(" AND status IN ('accepted', 'engaged') AND coalesce(last_contact_at, referred_at) < $since");
        }

        return filter.ToString();
    }

    private static void AddFilter(SqliteCommand command, TenantId tenant, JourneyQuery query)
    {
        command.Parameters.AddWithValue("$tenant", tenant.Value);
        if (query.Status is { } status)
        {
            command.Parameters.AddWithValue("$status", status);
        }

        if (query.LinkWorkerId is { } worker)
        {
            command.Parameters.AddWithValue("$worker", worker);
        }

        if (query.NoContactSince is { } since)
        {
            command.Parameters.AddWithValue("$since", Text(since));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken, bool migrated = true)
    {
        if (migrated && !_migrated)
        {
            await EnsureMigratedAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // FULL: a commit is on disk before we acknowledge it, even across a power cut.
        await ExecuteAsync(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task RunAsync(Func<Task> work) => await RunAsync(async () =>
    {
        await work();
        return true;
    });

    private async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 10 or 13 or 14)
        {
            // BUSY, LOCKED, IOERR, FULL, CANTOPEN: conditions that can pass; the caller answers 503.
            LogUnavailable(ex.SqliteErrorCode);
            throw new StorageUnavailableException("The journey database is unavailable.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // A primary-key clash means another writer got there first (another process on the same file).
            throw new StreamVersionConflictException("The stream changed while appending.", ex);
        }
    }

    private static string Key(Guid id) => id.ToString("D");

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied SQLite schema migration {Version}")]
    private partial void LogMigrationApplied(int version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite reported error {Code}; answering unavailable")]
    private partial void LogUnavailable(int code);
}
