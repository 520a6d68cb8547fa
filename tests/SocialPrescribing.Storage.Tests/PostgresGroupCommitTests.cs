using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// Group commit on the production engine: appends of many callers share transactions, and each caller still
/// gets exactly its own outcome. To make a batch form on purpose, a test holds a caseload row locked from
/// another connection: the writer stops on it, the appends that arrive meanwhile queue up, and releasing the
/// lock lets them go as one batch.
/// </summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresGroupCommitTests(PostgresFixture fixture) : IAsyncLifetime
{
    private static readonly TenantId Alberta = TenantId.Parse("ab");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private PostgresTestSchema? _db;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "group");
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public async Task Many_concurrent_appenders_on_different_streams_share_transactions_and_all_read_back()
    {
        await using var store = Open();
        var journeys = Enumerable.Range(0, 64).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(journeys.Select(journey => Task.Run(async () =>
        {
            for (var version = 0; version < 10; version++)
            {
                await store.AppendAsync(Append(journey, version, [Event(minute: version)]), Token);
            }
        })));

        foreach (var journey in journeys)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), (await store.ReadAsync(Alberta, journey, Token)).Select(e => e.Version));
        }

        var caseload = await store.QueryAsync(Alberta, new JourneyQuery(null, null, 1, 100), Token);
        Assert.All(caseload.Items, item => Assert.Equal(10, item.Version));
        var statistics = store.AppendStatistics;
        Assert.Equal(640, statistics.Appends);
        Assert.InRange(statistics.Transactions, 1, 639);
        Assert.True(statistics.LargestBatch > 1);
    }

    [Fact]
    public async Task The_stores_figures_are_published_as_metrics_tagged_with_its_schema_only()
    {
        // Only this test's store: stores of other tests publish under the same meter name, other schemas.
        using var measured = new StoreMeasurements("SocialPrescribing.Storage.Postgres", _db!.Name);
        await using var store = Open();
        await measured.AppendAndCheckAsync(store, (journey, version) => Append(journey, version, [Event(minute: (int)version)]), () => store.AppendStatistics.Transactions, Patience, Token);
    }

    [Fact]
    public async Task A_disposed_store_on_a_hosts_meter_factory_reports_nothing_rather_than_stale_totals()
    {
        using var meters = new HostMeters();
        var appends = new List<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "sp.storage.appends")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => appends.Add(value));
        listener.Start();

        var store = Open(meters: meters);
        await store.AppendAsync(Append(Guid.NewGuid(), 0, [Event()]), Token);
        listener.RecordObservableInstruments();
        await store.DisposeAsync();
        listener.RecordObservableInstruments();

        Assert.Equal([1L], appends);
    }

    /// <summary>A meter factory that, like the host's, owns its meters until it is disposed itself.</summary>
    private sealed class HostMeters : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task Appends_arriving_while_a_writer_hands_over_are_never_stranded()
    {
        // One writer slot, passed between callers and background writers thousands of times: an append that
        // arrives just as the slot is given back must still find a writer.
        await using var store = Open(writers: 1);
        var journeys = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(journeys.Select(journey => Task.Run(async () =>
        {
            for (var version = 0; version < 150; version++)
            {
                await store.AppendAsync(Append(journey, version, [Event()]), Token);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(90), Token);

        Assert.Equal(16 * 150, store.AppendStatistics.Appends);
    }

    [Fact]
    public async Task Appends_one_after_another_are_each_committed_at_once_without_waiting_for_company()
    {
        await using var store = Open();
        var journey = Guid.NewGuid();

        for (var version = 0; version < 20; version++)
        {
            await store.AppendAsync(Append(journey, version, [Event()]), Token);
        }

        Assert.Equal(new PostgresAppendStatistics(20, 20, 0, 1, 0), store.AppendStatistics);
    }

    [Fact]
    public async Task Conflicting_appends_in_one_batch_fail_only_their_callers_and_leave_no_partial_rows()
    {
        await using var store = Open(writers: 1);
        var streams = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToArray();
        var blocker = Guid.NewGuid();
        foreach (var journey in streams.Append(blocker))
        {
            await store.AppendAsync(Append(journey, 0, [Event("ReferralReceived")]), Token);
        }

        var before = store.AppendStatistics.Transactions;
        var rivals = new List<(Guid Journey, Guid Command, Task Append)>();
        Task blocked;
        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);

            // Three rivals per stream at the right version, each with two events, and one at a wrong version.
            foreach (var journey in streams)
            {
                for (var rival = 0; rival < 3; rival++)
                {
                    var command = Guid.NewGuid();
                    rivals.Add((journey, command, store.AppendAsync(Append(journey, 1, [Event("A", command), Event("B", command)], "accepted"), Token)));
                }

                rivals.Add((journey, Guid.NewGuid(), store.AppendAsync(Append(journey, 5, [Event()], "declined"), Token)));
            }

            // Two openings of one new journey.
            var opened = Guid.NewGuid();
            rivals.Add((opened, Guid.NewGuid(), store.AppendAsync(Append(opened, 0, [Event("ReferralReceived")]), Token)));
            rivals.Add((opened, Guid.NewGuid(), store.AppendAsync(Append(opened, 0, [Event("ReferralReceived"), Event()]), Token)));
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == rivals.Count);
            await hold.ReleaseAsync();
        }

        await blocked;
        var outcomes = await Task.WhenAll(rivals.Select(async r => await Outcome(r.Append)));

        // The blocked append's transaction, then every rival in one more.
        Assert.Equal(before + 2, store.AppendStatistics.Transactions);
        Assert.All(outcomes, outcome => Assert.True(outcome is null or StreamVersionConflictException, outcome?.ToString()));
        foreach (var group in rivals.Zip(outcomes).GroupBy(r => r.First.Journey))
        {
            var winners = group.Where(r => r.Second is null).Select(r => r.First).ToList();
            var winner = Assert.Single(winners);
            var events = await store.ReadAsync(Alberta, group.Key, Token);
            var expected = streams.Contains(group.Key) ? 3 : winner == group.First().First ? 1 : 2;
            Assert.Equal(Enumerable.Range(1, expected).Select(v => (long)v), events.Select(e => e.Version));
            if (streams.Contains(group.Key))
            {
                Assert.All(events.Skip(1), e => Assert.Equal(winner.Command, e.CommandId));
            }
        }

        var caseload = await store.QueryAsync(Alberta, new JourneyQuery("accepted", null, 1, 100), Token);
        Assert.Equal(streams.Order(), caseload.Items.Select(i => i.JourneyId).Order());
        Assert.All(caseload.Items, item => Assert.Equal(3, item.Version));
        Assert.Equal(0, (await store.QueryAsync(Alberta, new JourneyQuery("declined", null, 1, 100), Token)).Total);
    }

    [Fact]
    public async Task Stale_appends_to_different_streams_in_one_batch_fail_alone_and_store_nothing()
    {
        await using var store = Open(writers: 1);
        var streams = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray();
        var blocker = Guid.NewGuid();
        var existing = Guid.NewGuid();
        foreach (var journey in streams.Append(blocker).Append(existing))
        {
            await store.AppendAsync(Append(journey, 0, [Event("ReferralReceived")]), Token);
        }

        var fresh = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var before = store.AppendStatistics;
        Task[] current;
        Task[] stale;
        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            var blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);

            // One append per stream, so the batch is written as one statement: even streams and new journeys
            // at the right version, odd streams stale, and an existing journey opened again.
            current = [
                .. streams.Where((_, i) => i % 2 == 0).Select(journey => store.AppendAsync(Append(journey, 1, [Event(), Event()], "accepted"), Token)),
                .. fresh.Select(journey => store.AppendAsync(Append(journey, 0, [Event("ReferralReceived")]), Token)),
            ];
            stale = [
                .. streams.Where((_, i) => i % 2 == 1).Select(journey => store.AppendAsync(Append(journey, 3, [Event()], "declined"), Token)),
                store.AppendAsync(Append(existing, 0, [Event("ReferralReceived")], "declined"), Token),
            ];
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == current.Length + stale.Length);
            await hold.ReleaseAsync();
            await blocked;
        }

        await Task.WhenAll(current);
        foreach (var append in stale)
        {
            await Assert.ThrowsAsync<StreamVersionConflictException>(() => append);
        }

        var after = store.AppendStatistics;
        Assert.Equal(before.Transactions + 2, after.Transactions);
        Assert.Equal(before.Conflicts + stale.Length, after.Conflicts);
        for (var i = 0; i < streams.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? [1L, 2L, 3L] : [1L], (await store.ReadAsync(Alberta, streams[i], Token)).Select(e => e.Version));
        }

        foreach (var journey in fresh)
        {
            Assert.Single(await store.ReadAsync(Alberta, journey, Token));
        }

        Assert.Equal(0, (await store.QueryAsync(Alberta, new JourneyQuery("declined", null, 1, 100), Token)).Total);
        Assert.Equal(5, (await store.QueryAsync(Alberta, new JourneyQuery("accepted", null, 1, 100), Token)).Total);
    }

    [Fact]
    public async Task An_append_the_database_refuses_fails_alone_and_the_rest_of_its_batch_commits()
    {
        await using var store = Open(writers: 1);
        var blocker = Guid.NewGuid();
        await store.AppendAsync(Append(blocker, 0, [Event()]), Token);
        var good = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var faulty = Guid.NewGuid();
        Task[] appends;
        Task refused;

        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            var blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);
            appends = [blocked, .. good.Select(journey => store.AppendAsync(Append(journey, 0, [Event()]), Token))];

            // PostgreSQL text cannot hold a NUL character: the server rejects this one statement.
            refused = store.AppendAsync(Append(faulty, 0, [Event() with { Data = "{\"note\":\"\u0000\"}" }]), Token);
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == good.Length + 1);
            await hold.ReleaseAsync();
        }

        await Task.WhenAll(appends);
        var error = await Assert.ThrowsAsync<PostgresException>(() => refused);

        Assert.StartsWith("22", error.SqlState, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync(Alberta, faulty, Token));
        foreach (var journey in good)
        {
            Assert.Single(await store.ReadAsync(Alberta, journey, Token));
        }
    }

    [Fact]
    public async Task A_lost_connection_fails_every_caller_of_its_batch_as_unavailable_and_commits_none_of_it()
    {
        await using var store = Open(writers: 1);
        var first = Guid.NewGuid();
        var last = Guid.NewGuid();
        await store.AppendAsync(Append(first, 0, [Event()]), Token);
        await store.AppendAsync(Append(last, 0, [Event()]), Token);
        var others = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        Task[] doomed;

        await using (var holdLast = await HoldCaseloadRowAsync(last))
        {
            await using (var holdFirst = await HoldCaseloadRowAsync(first))
            {
                var ahead = store.AppendAsync(Append(first, 1, [Event()]), Token);
                await WaitForBlockedWritersAsync(1);
                doomed = [.. others.Select(journey => store.AppendAsync(Append(journey, 0, [Event(), Event()]), Token)), store.AppendAsync(Append(last, 1, [Event()]), Token)];
                await Waiting.UntilAsync(() => store.AppendStatistics.Queued == doomed.Length);
                await holdFirst.ReleaseAsync();
                await ahead;
            }

            // The second batch now waits on the last row, its other appends written but not committed.
            await WaitForBlockedWritersAsync(1);
            await TerminateBlockedWritersAsync();
            foreach (var append in doomed)
            {
                await Assert.ThrowsAsync<StorageUnavailableException>(() => append);
            }
        }

        foreach (var journey in others)
        {
            Assert.Empty(await store.ReadAsync(Alberta, journey, Token));
        }

        Assert.Single(await store.ReadAsync(Alberta, last, Token));
        await store.AppendAsync(Append(others[0], 0, [Event()]), Token);
        Assert.Single(await store.ReadAsync(Alberta, others[0], Token));
    }

    [Fact]
    public async Task A_caller_that_cancels_before_its_batch_is_written_is_left_out_of_it()
    {
        await using var store = Open(writers: 1);
        var blocker = Guid.NewGuid();
        await store.AppendAsync(Append(blocker, 0, [Event()]), Token);
        var abandoned = Guid.NewGuid();
        var kept = Guid.NewGuid();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        Task cancelled;
        Task written;

        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            var blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);
            cancelled = store.AppendAsync(Append(abandoned, 0, [Event()]), cancellation.Token);
            written = store.AppendAsync(Append(kept, 0, [Event()]), Token);
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == 2);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            await hold.ReleaseAsync();
            await blocked;
        }

        await written;
        Assert.Empty(await store.ReadAsync(Alberta, abandoned, Token));
        Assert.Single(await store.ReadAsync(Alberta, kept, Token));
        Assert.Equal(3, store.AppendStatistics.Appends);
    }

    [Fact]
    public async Task A_full_queue_holds_further_callers_back_until_there_is_room()
    {
        await using var store = Open(writers: 1, queueLimit: 2);
        var blocker = Guid.NewGuid();
        await store.AppendAsync(Append(blocker, 0, [Event()]), Token);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Token);
        Task[] queued;
        Task held;
        Task refused;

        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            var blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);
            queued = [.. Enumerable.Range(0, 2).Select(_ => store.AppendAsync(Append(Guid.NewGuid(), 0, [Event()]), Token))];
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == 2);
            held = store.AppendAsync(Append(Guid.NewGuid(), 0, [Event()]), Token);
            refused = store.AppendAsync(Append(Guid.NewGuid(), 0, [Event()]), cancellation.Token);

            // Still two: the others wait for room, not in the queue, and a caller may give up waiting.
            await Task.Delay(200, Token);
            Assert.Equal(2, store.AppendStatistics.Queued);
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => refused);
            await hold.ReleaseAsync();
            await blocked;
        }

        await Task.WhenAll([.. queued, held]);
        Assert.Equal(5, store.AppendStatistics.Appends);
    }

    [Fact]
    public async Task Disposing_the_store_writes_what_is_queued_and_refuses_what_comes_after()
    {
        var store = Open(writers: 1);
        var blocker = Guid.NewGuid();
        await store.AppendAsync(Append(blocker, 0, [Event()]), Token);
        var queued = Guid.NewGuid();
        Task written;
        Task disposing;

        await using (var hold = await HoldCaseloadRowAsync(blocker))
        {
            var blocked = store.AppendAsync(Append(blocker, 1, [Event()]), Token);
            await WaitForBlockedWritersAsync(1);
            written = store.AppendAsync(Append(queued, 0, [Event()]), Token);
            await Waiting.UntilAsync(() => store.AppendStatistics.Queued == 1);
            disposing = store.DisposeAsync().AsTask();
            await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AppendAsync(Append(Guid.NewGuid(), 0, [Event()]), Token));
            await hold.ReleaseAsync();
            await blocked;
        }

        await disposing;
        await written;
        Assert.Single(await store.ReadAsync(Alberta, queued, Token));
    }

    [Theory]
    [InlineData(0, 256, 4096)]
    [InlineData(65, 256, 4096)]
    [InlineData(2, 0, 4096)]
    [InlineData(2, 256, 0)]
    public void Group_commit_settings_out_of_range_are_refused(int writers, int maxBatch, int queueLimit)
    {
        var options = new PostgresStorageOptions { Schema = _db!.Name, GroupCommitWriters = writers, GroupCommitMaxBatch = maxBatch, GroupCommitQueueLimit = queueLimit };

        var error = Assert.Throws<ArgumentException>(() => new PostgresJourneyStore(_db!.DataSource, Options.Create(options), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance));

        Assert.Contains("Storage:GroupCommit", error.Message, StringComparison.Ordinal);
    }

    private static NewEvent Event(string type = "ContactRecorded", Guid? commandId = null, int minute = 0) =>
        new(type, $"{{\"type\":\"{type}\",\"n\":{minute}}}", commandId ?? Guid.NewGuid(), "lw-1", T0.AddMinutes(minute));

    private static JourneyAppend Append(Guid journey, long expected, IReadOnlyList<NewEvent> events, string status = "referred") =>
        new(Alberta, journey, expected, events, new JourneySummary(status, null, "Marie Tremblay", T0, null, false, false, T0));

    private static async Task<Exception?> Outcome(Task append)
    {
        try
        {
            await append;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private PostgresJourneyStore Open(int writers = 2, int queueLimit = 4096, IMeterFactory? meters = null) =>
        _db!.OpenStore(new PostgresStorageOptions { GroupCommitWriters = writers, GroupCommitQueueLimit = queueLimit }, meters);

    /// <summary>Locks a journey's caseload row in a transaction of another connection until released.</summary>
    private Task<HeldRow> HoldCaseloadRowAsync(Guid journey) =>
        HeldRow.LockAsync(
            _db!.DataSource, $"SELECT 1 FROM \"{_db!.Name}\".journeys WHERE tenant = 'ab' AND journey_id = $1 FOR UPDATE", new NpgsqlParameter<Guid> { TypedValue = journey });

    /// <summary>Waits until this test's store has exactly <paramref name="count"/> statements waiting for a row lock.</summary>
    private async Task WaitForBlockedWritersAsync(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (await CountBlockedWritersAsync() != count)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for a writer to block on the held row.");
            await Task.Delay(10, Token);
        }
    }

    private async Task<long> CountBlockedWritersAsync()
    {
        await using var command = _db!.DataSource.CreateCommand(BlockedWriters("count(*)"));
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task TerminateBlockedWritersAsync()
    {
        await using var command = _db!.DataSource.CreateCommand(BlockedWriters("pg_terminate_backend(pid)"));
        await command.ExecuteNonQueryAsync(Token);
    }

    private string BlockedWriters(string select) =>
        $"SELECT {select} FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = '{_db!.Name}' AND pid <> pg_backend_pid()";
}
