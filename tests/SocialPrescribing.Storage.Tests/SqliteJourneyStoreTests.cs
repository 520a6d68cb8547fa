using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The conformance suite on the embedded engine, each test class on its own database file.</summary>
public sealed class SqliteJourneyStoreTests : EventFeedConformance, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sp-sqlite-" + Guid.NewGuid().ToString("N"));
    private SqliteJourneyStore _store = null!;

    protected override IJourneyStore Store => _store;

    public ValueTask InitializeAsync()
    {
        _store = Open();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Data_written_by_one_store_is_read_by_the_next_on_the_same_file()
    {
        var id = Guid.NewGuid();
        await _store.AppendAsync(Append(Alberta, id, 0, [Event()]), TestContext.Current.CancellationToken);

        using var reopened = Open();

        Assert.Single(await reopened.ReadAsync(Alberta, id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public Task Rows_written_before_outcome_measures_are_read_from_their_digests_after_the_upgrade() =>
        OlderRowsAreReadFromTheirDigestsAfterTheUpgradeAsync(async () =>
        {
            _store.Dispose();
            SqliteConnection.ClearAllPools();
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "journeys.db")}"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = connection.CreateCommand();
                // The schema as migration 19 left it: what the later steps added taken away, their indexes as they were.
                command.CommandText = """
                    DROP INDEX ix_journeys_assessed;
                    DROP INDEX ix_journeys_assessed_unmeasured;
                    DROP INDEX ix_journeys_measured;
                    DROP INDEX ix_journeys_baselines;
                    DROP INDEX ix_journeys_program_referred;
                    DROP INDEX ix_journeys_unnotified_emergency_access;
                    CREATE INDEX ix_journeys_assessed ON journeys (tenant, last_assessed_at) WHERE last_assessed_at IS NOT NULL;
                    CREATE INDEX ix_journeys_program_referred ON journeys (tenant, first_program_referral_at) WHERE first_program_referral_at IS NOT NULL;
                    ALTER TABLE journeys DROP COLUMN outcome_measures;
                    ALTER TABLE journeys DROP COLUMN first_program_started_at;
                    ALTER TABLE journeys DROP COLUMN last_unnotified_emergency_access_at;
                    DROP TABLE journey_snapshots;
                    DELETE FROM schema_migrations WHERE version >= 20;
                    """;
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            SqliteConnection.ClearAllPools();
            _store = Open();
            await _store.MigrateAsync();
            return _store;
        });

    [Fact]
    public async Task Migrations_run_once_however_often_the_store_starts()
    {
        await _store.MigrateAsync();
        using var second = Open();
        await second.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "journeys.db")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(23L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task Appends_from_many_journeys_at_once_share_commits_and_each_is_stored()
    {
        var journeys = Enumerable.Range(0, 64).Select(_ => Guid.NewGuid()).ToList();

        // From many threads at once, as grains append (SQLite's calls complete synchronously, so one thread would append in turn).
        await Task.WhenAll(journeys.Select(j => Task.Run(() => _store.AppendAsync(Append(Alberta, j, 0, [Event("ReferralReceived"), Event(minute: 1)]), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        foreach (var journey in journeys)
        {
            Assert.Equal([1L, 2L], (await _store.ReadAsync(Alberta, journey, TestContext.Current.CancellationToken)).Select(e => e.Version));
        }

        var statistics = _store.AppendStatistics;
        Assert.Equal(64, statistics.Appends);
        // Appends that queued while another commit was being written shared the next one.
        Assert.True(statistics.Transactions < 64 && statistics.LargestBatch > 1, $"{statistics.Transactions} commits for 64 appends, at most {statistics.LargestBatch} in one");
    }

    [Fact]
    public async Task A_stale_append_among_many_fails_alone_and_the_others_commit()
    {
        var good = Enumerable.Range(0, 31).Select(_ => Guid.NewGuid()).ToList();
        var stale = Guid.NewGuid();
        var appends = good.Select(j => _store.AppendAsync(Append(Alberta, j, 0, [Event("ReferralReceived")]), TestContext.Current.CancellationToken)).ToList();
        var refused = Task.Run(() => _store.AppendAsync(Append(Alberta, stale, 3, [Event()]), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        appends.AddRange(good.Select(j => _store.AppendAsync(Append(Alberta, j, 1, [Event(minute: 1)]), TestContext.Current.CancellationToken)));

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => refused);
        await Task.WhenAll(appends);

        Assert.Empty(await _store.ReadAsync(Alberta, stale, TestContext.Current.CancellationToken));
        foreach (var journey in good)
        {
            Assert.Equal(2, (await _store.ReadAsync(Alberta, journey, TestContext.Current.CancellationToken)).Count);
        }

        Assert.Equal(1, _store.AppendStatistics.Conflicts);
    }

    [Fact]
    public async Task Journey_appends_and_audit_entries_queued_together_share_one_commit_and_a_stale_append_fails_alone()
    {
        var token = TestContext.Current.CancellationToken;
        var journeys = Enumerable.Range(0, 32).Select(_ => Guid.NewGuid()).ToList();
        var stale = Guid.NewGuid();
        AuditEntry Read(Guid journey, int i) => new(Alberta, DateTimeOffset.UnixEpoch.AddMinutes(i), "lw-1", "link-worker", "sp-web", journey, "journey", "read", AuditEntry.Allowed);

        // Writes held back: the first one's batch waits at the gate, and everything after it queues for the next.
        await _store.WriteGate.WaitAsync(token);
        var first = Task.Run(() => _store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived")]), token), token);
        await Waiting.UntilAsync(() => _store.WriteBatches == 1);
        var writes = journeys.SelectMany((j, i) => new[]
        {
            Task.Run(() => _store.AppendAsync(Append(Alberta, j, 0, [Event("ReferralReceived")]), token), token),
            Task.Run(() => _store.AppendAsync([Read(j, i)], token), token),
        }).ToList();
        var refused = Task.Run(() => _store.AppendAsync(Append(Alberta, stale, 3, [Event()]), token), token);
        await Waiting.UntilAsync(() => _store.QueuedWrites == 65);
        _store.WriteGate.Release();

        await first;
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => refused);

        // Two transactions for 66 writes: the first alone, then 32 appends, the stale one and 32 audit entries together.
        Assert.Equal(2, _store.WriteBatches);
        Assert.Equal((2L, 33L, 1L, 33), (_store.AppendStatistics.Transactions, _store.AppendStatistics.Appends, _store.AppendStatistics.Conflicts, _store.AppendStatistics.LargestBatch));
        Assert.Empty(await _store.ReadAsync(Alberta, stale, token));
        foreach (var journey in journeys)
        {
            Assert.Single(await _store.ReadAsync(Alberta, journey, token));
        }

        var audited = await _store.QueryAsync(Alberta, new AuditQuery { PageSize = AuditQuery.MaxPageSize }, token);
        Assert.Equal(journeys.Order(), audited.Items.Select(e => e.Entry.JourneyId!.Value).Order());
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (long)i), audited.Items.Select(e => e.Sequence));
        Assert.True((await _store.VerifyAsync(Alberta, token)).IsIntact);
    }

    [Fact]
    public async Task Closing_the_store_writes_the_queued_appends_and_refuses_later_ones()
    {
        var journeys = Enumerable.Range(0, 32).Select(_ => Guid.NewGuid()).ToList();
        var closing = Open();
        var appends = journeys.Select(j => Task.Run(() => closing.AppendAsync(Append(Alberta, j, 0, [Event("ReferralReceived")]), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(appends.Take(1));

        await closing.DisposeAsync();

        // Every append that was queued before the store closed is written; one that came later is refused, not lost silently.
        var outcomes = await Task.WhenAll(appends.Select(async a =>
        {
            try
            {
                await a;
                return true;
            }
            catch (StorageUnavailableException)
            {
                return false;
            }
        }));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => closing.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived")]), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => closing.AppendAsync(
            [new AuditEntry(Alberta, DateTimeOffset.UnixEpoch, "lw-1", "link-worker", "sp-web", journeys[0], "journey", "read", AuditEntry.Allowed)], TestContext.Current.CancellationToken));
        for (var i = 0; i < journeys.Count; i++)
        {
            Assert.Equal(outcomes[i] ? 1 : 0, (await _store.ReadAsync(Alberta, journeys[i], TestContext.Current.CancellationToken)).Count);
        }
    }

    [Fact]
    public async Task The_stores_figures_are_published_as_metrics_tagged_with_its_file_only()
    {
        var other = Path.Combine(Path.GetTempPath(), "sp-sqlite-" + Guid.NewGuid().ToString("N"));
        using var measured = new StoreMeasurements("SocialPrescribing.Storage.Sqlite", Path.Combine(_directory, "journeys.db"));
        // Another store in the process, on another file: its appends are not this store's figures.
        using (var elsewhere = new SqliteJourneyStore(Options.Create(new SqliteStorageOptions { DataDirectory = other }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance))
        {
            await elsewhere.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived")]), TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(other, recursive: true);
        await measured.AppendAndCheckAsync(_store, (journey, version) => Append(Alberta, journey, version, [version == 0 ? Event("ReferralReceived") : Event(minute: (int)version)]), () => _store.AppendStatistics.Transactions, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private SqliteJourneyStore Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);
}
