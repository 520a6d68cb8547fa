using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Abstractions;
using static SocialPrescribing.Storage.Postgres.PostgresParameters;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The production engine: journey streams and the caseload index in one PostgreSQL schema, reached
/// through one <see cref="NpgsqlDataSource"/> (one connection pool) that the caller owns.
/// </summary>
/// <remarks>
/// Every operation is a single statement or a single pipelined batch, so there is no transaction left
/// open across round trips. Commits are durable when acknowledged as long as the server keeps
/// <c>synchronous_commit</c> on (its default); this store never turns it off. With
/// <see cref="PostgresStorageOptions.GroupCommit"/> (the default) concurrent appends share transactions; see
/// <see cref="AppendStatistics"/> for how many.
/// </remarks>
public sealed partial class PostgresJourneyStore : IJourneyStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _ownerDataSource;
    private readonly PostgresStorageOptions _options;
    private readonly PostgresStatements _sql;
    private readonly long _migrationLockKey;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresJourneyStore> _logger;
    private readonly Lock _migrationGate = new();
    private readonly AppendCounters _counters = new();
    private readonly PostgresGroupCommitter? _groupCommit;
    private readonly AuditAppendQueue? _auditQueue;
    private readonly StoreMetrics _metrics;
    private Task? _migration;

    /// <param name="dataSource">The connection pool, as the application's role; the caller owns it.</param>
    /// <param name="options">The schema and group-commit settings.</param>
    /// <param name="time">The clock for retry delays.</param>
    /// <param name="logger">Where failures and retries are logged (codes and counts only).</param>
    /// <param name="meterFactory">
    /// Where the store's metrics (meter <c>SocialPrescribing.Storage.Postgres</c>) are created; the host's, so its
    /// exporters see them. Without one the store creates and owns its meter.
    /// </param>
    /// <param name="ownerDataSource">
    /// Where migrations run: connections as the role that owns the schema, which grants <paramref name="dataSource"/>'s
    /// role what the store needs. Without one (a development database) migrations run on <paramref name="dataSource"/>.
    /// The caller owns it.
    /// </param>
    public PostgresJourneyStore(
        NpgsqlDataSource dataSource,
        IOptions<PostgresStorageOptions> options,
        TimeProvider time,
        ILogger<PostgresJourneyStore> logger,
        IMeterFactory? meterFactory = null,
        NpgsqlDataSource? ownerDataSource = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        if (!PostgresStorageOptions.IsValidSchemaName(_options.Schema))
        {
            throw new ArgumentException(
                $"Storage:Schema '{_options.Schema}' is not a valid schema name: use lower-case letters, digits and '_', at most 63 characters.",
                nameof(options));
        }

        if (_options.GroupCommitProblem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _dataSource = dataSource;
        _ownerDataSource = ownerDataSource ?? dataSource;
        _time = time;
        _logger = logger;
        _sql = new PostgresStatements(_options.Schema);
        _migrationLockKey = MigrationLockKey(_options.Schema);
        if (_options.GroupCommit)
        {
            _groupCommit = new PostgresGroupCommitter(dataSource, _sql, _options, _counters, time, logger);
            _auditQueue = new AuditAppendQueue(entries => WriteAuditAsync(entries, knownHeads: true, CancellationToken.None), _options.GroupCommitMaxBatch, _options.GroupCommitQueueLimit);
        }

        _metrics = new StoreMetrics(meterFactory, "SocialPrescribing.Storage.Postgres", _options.Schema, _counters, () => _groupCommit?.Queued ?? 0);
    }

    /// <summary>The schema this store reads and writes.</summary>
    public string Schema => _options.Schema;

    /// <summary>Transactions and appends committed so far, and appends waiting for a group-commit writer.</summary>
    public PostgresAppendStatistics AppendStatistics => new(_counters.Transactions, _counters.Appends, _counters.Conflicts, _counters.LargestBatch, _groupCommit?.Queued ?? 0);

    /// <summary>
    /// Brings the schema up to date: creates it when missing and applies the numbered steps not yet
    /// recorded in <c>schema_migrations</c>, all in one transaction under an advisory lock keyed by the
    /// schema name, so hosts starting together apply each step exactly once. Never destructive; safe to repeat.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(() => ApplyMigrationsAsync(cancellationToken), migrateFirst: false, cancellationToken);
        lock (_migrationGate)
        {
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = Task.CompletedTask;
            }
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(TenantId tenant, Guid journeyId, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredEvent>>(async () =>
        {
            var read = new NpgsqlBatchCommand(_sql.ReadStream);
            read.Parameters.Add(Text(tenant.Value));
            read.Parameters.Add(Uuid(journeyId));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), read);
            return await ReadEventsAsync(batch, cancellationToken);
        }, migrateFirst: true, cancellationToken);

    public Task AppendAsync(JourneyAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        if (append.Events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var startedAt = Stopwatch.GetTimestamp();
        return _metrics.Time(
            _groupCommit is { } groupCommit
                ? AppendGroupedAsync(groupCommit, append, cancellationToken)
                : AppendAloneAsync(append, cancellationToken),
            startedAt);
    }

    /// <summary>Executes a scoped stream read; its columns are version, type, data, command id, actor and time, in order.</summary>
    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlBatch batch, CancellationToken cancellationToken)
    {
        await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
        return await ReadEventRowsAsync(reader, cancellationToken);
    }

    /// <summary>The rows of the reader's current result: version, type, data, command id, actor and time, in order.</summary>
    private static async Task<IReadOnlyList<StoredEvent>> ReadEventRowsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetGuid(3),
                reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return events;
    }

    /// <summary>
    /// Lets queued appends (journey and audit) finish and refuses new ones (<see cref="StorageUnavailableException"/>). The data
    /// source belongs to the caller and stays open.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_groupCommit is { } groupCommit)
        {
            await groupCommit.CloseAsync();
        }

        if (_auditQueue is { } auditQueue)
        {
            await auditQueue.CloseAsync();
        }

        _metrics.Dispose();
    }

    private async Task AppendGroupedAsync(PostgresGroupCommitter groupCommit, JourneyAppend append, CancellationToken cancellationToken)
    {
        if (_options.MigrateOnFirstUse && _migration is not { IsCompletedSuccessfully: true })
        {
            await RunAsync(() => Task.FromResult(true), migrateFirst: true, cancellationToken);
        }

        await groupCommit.AppendAsync(append, cancellationToken);
    }

    private Task<bool> AppendAloneAsync(JourneyAppend append, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection);
            var write = new NpgsqlBatchCommand(_sql.For(append));
            PostgresParameters.AddAppend(write.Parameters, append);
            batch.BatchCommands.Add(PostgresTenantScope.For(append.Tenant));
            batch.BatchCommands.Add(write);

            int inserted;
            try
            {
                // Prepared once per pooled connection, as the group committer's statements are: otherwise the server
                // parses and plans the two-table statement again for every append.
                await batch.PrepareAsync(cancellationToken);
                await batch.ExecuteNonQueryAsync(cancellationToken);
                inserted = write.RecordsAffected;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw PostgresErrors.ForAppend(ex);
            }

            if (inserted == 0)
            {
                // The caseload row was not at the expected version (or, for a new stream, already existed),
                // so the statement stored nothing.
                _counters.Conflicted();
                throw new StreamVersionConflictException(append.JourneyId, append.ExpectedVersion);
            }

            _counters.Committed(1, 0);
            return true;
        }, migrateFirst: true, cancellationToken);

    public Task<JourneyPage> QueryAsync(TenantId tenant, JourneyQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        JourneyQueries.ThrowIfAfterMisused(query);

        return RunAsync(async () =>
        {
            var (countSql, pageSql) = _sql.Caseload(query);
            var count = new NpgsqlBatchCommand(countSql);
            var page = new NpgsqlBatchCommand(pageSql);
            foreach (var parameters in new[] { count.Parameters, page.Parameters })
            {
                parameters.Add(Text(tenant.Value));
                if (query.Status is { } status)
                {
                    parameters.Add(Text(status));
                }

                if (query.LinkWorkerId is { } worker)
                {
                    parameters.Add(Text(worker));
                }

                if (query.NoContactSince is { } since)
                {
                    parameters.Add(Timestamp(since));
                }
            }

            if (query.After is { } position)
            {
                page.Parameters.Add(Timestamp(position.ReferredAt));
                page.Parameters.Add(Uuid(position.JourneyId));
            }

            page.Parameters.Add(BigInt(query.PageSize));
            page.Parameters.Add(BigInt((long)(query.Page - 1) * query.PageSize));
            await using var batch = query.KnownTotal is null
                ? PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), count, page)
                : PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), page);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var total = query.KnownTotal ?? -1;
            if (query.KnownTotal is null)
            {
                await reader.ReadAsync(cancellationToken);
                total = reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken);
            }

            var items = await ReadListItemsAsync(reader, cancellationToken);
            return new JourneyPage(items, total);
        }, migrateFirst: true, cancellationToken);
    }

    public Task<IReadOnlyList<JourneyListItem>> FindSameClientAsync(TenantId tenant, string clientName, DateOnly birthDate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        return RunAsync<IReadOnlyList<JourneyListItem>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.SameBirthDate);
            batch.BatchCommands[^1].Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = birthDate });
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var born = await ReadListItemsAsync(reader, cancellationToken);
            return [.. born.Where(i => string.Equals(i.Summary.ClientName, clientName, StringComparison.OrdinalIgnoreCase)).Take(20)];
        }, migrateFirst: true, cancellationToken);
    }

    /// <summary>Caseload rows as <see cref="PostgresStatements"/> lists them: the journey, its version, then the listed columns in order.</summary>
    private static async Task<List<JourneyListItem>> ReadListItemsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var items = new List<JourneyListItem>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var summary = JourneySummary.Empty;
            var ordinal = 2;
            foreach (var column in ListedColumns)
            {
                summary = column.WithValue(summary, reader.IsDBNull(ordinal) ? null : ReadColumn(reader, ordinal, column.Kind));
                ordinal++;
            }

            items.Add(new JourneyListItem(reader.GetGuid(0), reader.GetInt64(1), summary));
        }

        return items;
    }

    private static readonly CaseloadColumn[] ListedColumns = [.. JourneySummary.Columns.Where(c => c.Listed)];

    private static object ReadColumn(NpgsqlDataReader reader, int ordinal, CaseloadColumnKind kind) => kind switch
    {
        CaseloadColumnKind.Text or CaseloadColumnKind.Json => reader.GetString(ordinal),
        CaseloadColumnKind.Count => reader.GetInt32(ordinal),
        CaseloadColumnKind.Boolean => reader.GetBoolean(ordinal),
        CaseloadColumnKind.Instant => reader.GetFieldValue<DateTimeOffset>(ordinal),
        CaseloadColumnKind.Date => reader.GetFieldValue<DateOnly>(ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A caseload column kind the PostgreSQL store does not know."),
    };

    public Task<IReadOnlyList<FirstContactTime>> ListFirstContactTimesAsync(TenantId tenant, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<FirstContactTime>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.FirstContactTimes);
            batch.BatchCommands[^1].Parameters.Add(Timestamp(since));
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var times = new List<FirstContactTime>();
            while (await reader.ReadAsync(cancellationToken))
            {
                times.Add(new FirstContactTime(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }

            return times;
        }, migrateFirst: true, cancellationToken);

    public Task<IReadOnlyList<CaseloadTally>> TallyCaseloadsAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<CaseloadTally>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.CaseloadTallies);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var tallies = new List<CaseloadTally>();
            while (await reader.ReadAsync(cancellationToken))
            {
                tallies.Add(new CaseloadTally(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
            }

            return tallies;
        }, migrateFirst: true, cancellationToken);

    public Task<IReadOnlyList<PendingFirstContactCheck>> ListPendingFirstContactChecksAsync(
        TenantId tenant, DateTimeOffset? dueBy, PendingFirstContactCheck? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            _sql.PendingFirstContactChecks, tenant, dueBy, after is null ? null : (after.DueAt, after.JourneyId), limit,
            reader => new PendingFirstContactCheck(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken);

    public Task<IReadOnlyList<AwaitedPartnerAnswer>> ListAwaitedPartnerAnswersAsync(
        TenantId tenant, DateTimeOffset? madeBy, AwaitedPartnerAnswer? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            _sql.AwaitedPartnerAnswers, tenant, madeBy, after is null ? null : (after.AwaitedSince, after.JourneyId), limit,
            reader => new AwaitedPartnerAnswer(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2)),
            cancellationToken);

    public Task<IReadOnlyList<UnnotifiedEmergencyAccess>> ListUnnotifiedEmergencyAccessAsync(
        TenantId tenant, UnnotifiedEmergencyAccess? after, int limit, CancellationToken cancellationToken = default) =>
        ReadDueAsync(
            _sql.UnnotifiedEmergencyAccess, tenant, null, after is null ? null : (after.LastOpenedAt, after.JourneyId), limit,
            reader => new UnnotifiedEmergencyAccess(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1)),
            cancellationToken);

    /// <summary>A page of journeys off a partial index of due work: <paramref name="sql"/> takes the tenant, the bound, the last row read and the limit.</summary>
    private Task<IReadOnlyList<T>> ReadDueAsync<T>(
        string sql, TenantId tenant, DateTimeOffset? by, (DateTimeOffset At, Guid JourneyId)? after, int limit,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(async () =>
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
            await using var batch = TenantBatch(tenant, sql);
            var list = batch.BatchCommands[^1].Parameters;
            list.Add(NullableTimestamp(by));
            list.Add(NullableTimestamp(after?.At));
            list.Add(NullableUuid(after?.JourneyId));
            list.Add(BigInt(limit));
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }, migrateFirst: true, cancellationToken);

    public Task<IReadOnlyList<JourneyReferralDigest>> ListCommunityReferralDigestsAsync(
        TenantId tenant, IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<JourneyReferralDigest>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.CommunityReferralDigests);
            batch.BatchCommands[^1].Parameters.Add(NullableText(JourneyReferralDigest.OrganizationsJson(organizations)));
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await ReadReferralDigestsAsync(reader, cancellationToken);
        }, migrateFirst: true, cancellationToken);

    public Task<IReadOnlyList<JourneyOutcomeMeasures>> ListOutcomeMeasuresAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<JourneyOutcomeMeasures>>(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.OutcomeMeasures);
            batch.BatchCommands[^1].Parameters.Add(NullableTimestamp(since));
            batch.BatchCommands[^1].Parameters.Add(Timestamp(until));
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var measures = new List<JourneyOutcomeMeasures>();
            while (await reader.ReadAsync(cancellationToken))
            {
                measures.Add(new JourneyOutcomeMeasures(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
                {
                    Counted = reader.GetBoolean(3),
                });
            }

            return measures;
        }, migrateFirst: true, cancellationToken);

    public Task<AssessedJourneys> CountAssessedJourneysAsync(TenantId tenant, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            await using var batch = TenantBatch(tenant, _sql.AssessedJourneys);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            return await AssessedJourneys.ReadAsync(reader, cancellationToken);
        }, migrateFirst: true, cancellationToken);

    public Task<ProgramConnections> CountConnectionsAsync(TenantId tenant, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RunAsync(async () =>
        {
            var counts = new NpgsqlBatchCommand(_sql.ConnectionCounts);
            counts.Parameters.Add(Text(tenant.Value));
            counts.Parameters.Add(NullableTimestamp(since));
            counts.Parameters.Add(Timestamp(until));
            var uncounted = new NpgsqlBatchCommand(_sql.UncountedReferralDigests);
            uncounted.Parameters.Add(Text(tenant.Value));
            await using var batch = PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), counts, uncounted);
            await using var reader = await PostgresTenantScope.ReadAsync(batch, cancellationToken);
            var counted = new List<LinkWorkerConnections>();
            while (await reader.ReadAsync(cancellationToken))
            {
                counted.Add(new LinkWorkerConnections(reader.IsDBNull(0) ? null : reader.GetString(0), checked((int)reader.GetInt64(1)), checked((int)reader.GetInt64(2))));
            }

            await reader.NextResultAsync(cancellationToken);
            return new ProgramConnections(counted, await ReadReferralDigestsAsync(reader, cancellationToken));
        }, migrateFirst: true, cancellationToken);

    private static async Task<IReadOnlyList<JourneyReferralDigest>> ReadReferralDigestsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var digests = new List<JourneyReferralDigest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            digests.Add(new JourneyReferralDigest(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3))
            {
                UnmetNeeds = reader.IsDBNull(4) ? null : reader.GetString(4),
            });
        }

        return digests;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(async () =>
            {
                await using var command = _dataSource.CreateCommand(_sql.HealthCheck);
                await command.ExecuteScalarAsync(cancellationToken);
                return true;
            }, migrateFirst: true, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // Whatever the server says (a missing schema, a refused login), it cannot serve requests.
            LogUnavailable(ex.SqlState ?? "none");
            throw new StorageUnavailableException("The journey database failed its health check.", ex);
        }
    }

    /// <summary>A scoped batch of one statement whose only parameter is the tenant.</summary>
    private NpgsqlBatch TenantBatch(TenantId tenant, string sql)
    {
        var statement = new NpgsqlBatchCommand(sql);
        statement.Parameters.Add(Text(tenant.Value));
        return PostgresTenantScope.Batch(_dataSource, PostgresTenantScope.For(tenant), statement);
    }

    private async Task<bool> ApplyMigrationsAsync(CancellationToken cancellationToken)
    {
        var applicationRole = await ApplicationRoleAsync(cancellationToken);
        await using var connection = await _ownerDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The transaction-scoped lock is released by the commit or rollback, even if this process dies. Row-level
        // security binds the owner too (FORCE): a step that reads tenants' rows reads them as the host's system reader.
        await using (var prepare = new NpgsqlBatch(connection, transaction))
        {
            var takeLock = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
            takeLock.Parameters.Add(BigInt(_migrationLockKey));
            prepare.BatchCommands.Add(takeLock);
            prepare.BatchCommands.Add(PostgresTenantScope.System());
            foreach (var statement in PostgresMigrations.Bootstrap(_sql.QuotedSchema))
            {
                prepare.BatchCommands.Add(new NpgsqlBatchCommand(statement));
            }

            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand(_sql.AppliedMigrations, connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var newlyApplied = new List<int>();
        foreach (var step in PostgresMigrations.Steps.Where(s => !applied.Contains(s.Version)).OrderBy(s => s.Version))
        {
            await using var apply = new NpgsqlBatch(connection, transaction);
            foreach (var statement in step.Statements(_sql.QuotedSchema))
            {
                apply.BatchCommands.Add(new NpgsqlBatchCommand(statement));
            }

            var record = new NpgsqlBatchCommand(_sql.RecordMigration);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = step.Version });
            record.Parameters.Add(Text(step.Description));
            record.Parameters.Add(Timestamp(_time.GetUtcNow()));
            apply.BatchCommands.Add(record);
            await apply.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied.Add(step.Version);
        }

        if (applicationRole is not null)
        {
            await using var grant = new NpgsqlBatch(connection, transaction);
            foreach (var statement in PostgresMigrations.Grants(_sql.QuotedSchema, PostgresStatements.Quote(applicationRole)))
            {
                grant.BatchCommands.Add(new NpgsqlBatchCommand(statement));
            }

            await grant.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var version in newlyApplied)
        {
            LogMigrationApplied(version, _options.Schema);
        }

        return true;
    }

    /// <summary>
    /// The application's role when migrations run as another (the owner), which then grants it its rights; null when
    /// both are one role. Asked of the server: a connection string may leave the user name to the environment.
    /// </summary>
    private async Task<string?> ApplicationRoleAsync(CancellationToken cancellationToken)
    {
        if (ReferenceEquals(_ownerDataSource, _dataSource))
        {
            return null;
        }

        var application = await CurrentUserAsync(_dataSource, cancellationToken);
        return application == await CurrentUserAsync(_ownerDataSource, cancellationToken) ? null : application;

        static async Task<string> CurrentUserAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
        {
            await using var command = dataSource.CreateCommand("SELECT current_user::text");
            return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }

    private Task EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (!_options.MigrateOnFirstUse)
        {
            return Task.CompletedTask;
        }

        Task migration;
        lock (_migrationGate)
        {
            // A failed attempt (the server was down at start-up, say) is not remembered: the next call tries again.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = ApplyMigrationsAsync(CancellationToken.None);
            }

            migration = _migration;
        }

        return migration.WaitAsync(cancellationToken);
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> work, bool migrateFirst, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (migrateFirst)
                {
                    await EnsureMigratedAsync(cancellationToken);
                }

                return await work();
            }
            catch (PostgresException ex) when (PostgresErrors.IsRetryable(ex) && attempt < PostgresErrors.MaxAttempts)
            {
                // Every operation here is one atomic statement or batch, rolled back whole, so trying it
                // again either succeeds or reaches the real outcome (a version conflict, say).
                LogRetrying(ex.SqlState, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), _time, cancellationToken);
            }
            catch (NpgsqlException ex) when (PostgresErrors.IsUnavailable(ex))
            {
                LogUnavailable(ex.SqlState ?? "none");
                throw new StorageUnavailableException("The journey database is unavailable.", ex);
            }
        }
    }

    /// <summary>A fixed advisory-lock key per schema: the first 8 bytes of a SHA-256 of its name.</summary>
    /// <remarks><see cref="string.GetHashCode()"/> is randomised per process, so two hosts would not agree on it.</remarks>
    private static long MigrationLockKey(string schema)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("SocialPrescribing.Storage.Postgres/migrations/" + schema));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}
