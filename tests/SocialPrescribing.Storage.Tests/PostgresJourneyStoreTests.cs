using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The conformance suite on the production engine. Every test gets a schema of its own on the shared test
/// server, so tests never see each other's rows and a run leaves nothing behind.
/// </summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresJourneyStoreTests(PostgresFixture fixture) : EventFeedConformance, IAsyncLifetime
{
    private PostgresTestSchema? _db;
    private PostgresJourneyStore? _store;

    protected override IJourneyStore Store => _store!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "journeys");
        _store = _db.OpenStore();
    }

    public async ValueTask DisposeAsync()
    {
        // The store keeps its group-commit writers' connections open between batches until it is disposed.
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    [Fact]
    public Task Rows_written_before_outcome_measures_are_read_from_their_digests_after_the_upgrade() =>
        OlderRowsAreReadFromTheirDigestsAfterTheUpgradeAsync(async () =>
        {
            // The schema as migration 20 left it: what the later steps added taken away, their indexes as they were.
            await _db!.QueryAsync<int>($"""
                SET search_path TO "{_db.Name}";
                DROP INDEX ix_journeys_assessed, ix_journeys_assessed_unmeasured, ix_journeys_measured, ix_journeys_baselines, ix_journeys_program_referred, ix_journeys_unnotified_emergency_access;
                CREATE INDEX ix_journeys_assessed ON journeys (tenant, last_assessed_at) WHERE last_assessed_at IS NOT NULL;
                CREATE INDEX ix_journeys_program_referred ON journeys (tenant, first_program_referral_at) WHERE first_program_referral_at IS NOT NULL;
                ALTER TABLE journeys DROP COLUMN outcome_measures, DROP COLUMN first_program_started_at, DROP COLUMN last_unnotified_emergency_access_at;
                DROP TABLE journey_snapshots;
                DELETE FROM schema_migrations WHERE version >= 21;
                SELECT 1
                """);
            await _store!.DisposeAsync();
            _store = _db.OpenStore();
            await _store.MigrateAsync(Token);
            return _store;
        });

    [Fact]
    public async Task Hosts_migrating_at_the_same_time_apply_each_step_once()
    {
        var hosts = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(_db!.Server.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(hosts.Select(host => Open(host, _db!.Name).MigrateAsync(Token)));
            await _store!.MigrateAsync(Token);

            var applied = await _db!.QueryAsync<int>($"SELECT version FROM \"{_db!.Name}\".schema_migrations ORDER BY version");

            Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], applied);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task The_feed_stays_in_order_when_transaction_ids_gain_a_digit()
    {
        // As text, 10000 sorts before 9999: a feed ordered by the id's text would hand out the later events first, move
        // its checkpoint past the earlier ones and never read them, and take an old event for its head.
        await _store!.MigrateAsync(Token);
        await DrainAsync("test.digits");
        var power = await BurnTransactionIdsUntilCloseToAPowerOfTenAsync(below: 200);
        var journey = Guid.NewGuid();
        var appended = 0;
        while (await NewestTransactionAsync() < power || appended % 10 != 0)
        {
            var type = appended % 5 == 0 ? "ReferralAccepted" : "ContactRecorded";
            await Store.AppendAsync(Append(Alberta, journey, appended, [Event(type, minute: appended % 60)]), Token);
            appended++;
        }

        var events = await DrainAsync("test.digits", expected: appended, max: 7);

        Assert.Equal(Enumerable.Range(1, appended).Select(v => (long)v), events.Select(e => e.Event.Version));
        Assert.True(events[0].Position.Transaction < power, $"the first event's transaction {events[0].Position} is below {power}");
        Assert.True(events[^1].Position.Transaction >= power, $"the last event's transaction {events[^1].Position} is at least {power}");
        Assert.Equal(events[^1].Position, await Feed.HeadAsync(Token));
        var accepted = await DrainOfAsync("test.digits.accepted", new HashSet<string> { "ReferralAccepted" }, expected: (appended + 4) / 5, until: events[^1].Position);
        Assert.Equal(events.Where(e => e.Event.Type == "ReferralAccepted").Select(e => e.Position), accepted.Select(e => e.Position));
        Assert.Equal(events[^1].Position, await Feed.CheckpointAsync("test.digits.accepted", Token));
    }

    /// <summary>The newest transaction id among this schema's events (0 before the first).</summary>
    private async Task<long> NewestTransactionAsync() =>
        (await _db!.QueryAsync<long>($"SELECT coalesce(max(tx_id)::text::bigint, 0) FROM \"{_db.Name}\".journey_events")).Single();

    /// <summary>
    /// Takes and commits transaction ids on the server until the next is <paramref name="below"/> short of a power of
    /// ten, and returns that power.
    /// </summary>
    private async Task<long> BurnTransactionIdsUntilCloseToAPowerOfTenAsync(int below)
    {
        var current = (await _db!.QueryAsync<long>("SELECT pg_current_xact_id()::text::bigint")).Single();
        var power = 10L;
        while (power - below <= current)
        {
            power *= 10;
        }

        await using var connection = await _db.DataSource.OpenConnectionAsync(Token);
        await using var burn = new NpgsqlCommand(
            $"""
            DO $$
            BEGIN
                WHILE pg_current_xact_id()::text::bigint < {power - below - 1} LOOP
                    COMMIT;
                END LOOP;
            END
            $$
            """,
            connection);
        burn.CommandTimeout = 300;
        await burn.ExecuteNonQueryAsync(Token);
        return power;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_event_committed_late_by_a_slower_transaction_is_not_skipped(bool slowOneCommits)
    {
        await _store!.MigrateAsync(Token);
        await DrainAsync("test.gap");

        // A slower writer takes its place in the feed first, then a faster one commits past it.
        await using var slow = await _db!.DataSource.OpenConnectionAsync(Token);
        await using var slowTx = await slow.BeginTransactionAsync(Token);
        var late = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand(
            $$"""
            INSERT INTO "{{_db!.Name}}".journey_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at)
            VALUES ('ab', $1, 1, 'Late', '{}', $2, 'lw-1', now())
            """, slow, slowTx))
        {
            insert.Parameters.AddWithValue(late);
            insert.Parameters.AddWithValue(Guid.NewGuid());
            await insert.ExecuteNonQueryAsync(Token);
        }

        var fast = Guid.NewGuid();
        await _store.AppendAsync(Append(Alberta, fast, 0, [Event("Fast")]), Token);

        Assert.Empty(await DrainAsync("test.gap"));

        if (slowOneCommits)
        {
            await slowTx.CommitAsync(Token);
        }
        else
        {
            await slowTx.RollbackAsync(Token);
        }

        var handled = await DrainAsync("test.gap", expected: slowOneCommits ? 2 : 1);
        Assert.Equal(slowOneCommits ? [late, fast] : [fast], handled.Select(e => e.JourneyId));
    }

    [Fact]
    public async Task Data_written_by_one_store_is_read_by_the_next_on_the_same_schema()
    {
        var id = Guid.NewGuid();
        await _store!.AppendAsync(Append(Alberta, id, 0, [Event()], Summary("accepted", "lw-reopen")), Token);
        await _db!.AppDataSource.DisposeAsync();

        await using var reopened = NpgsqlDataSource.Create(_db!.AppConnectionString);
        var store = _db!.OpenStore(dataSource: reopened);

        Assert.Single(await store.ReadAsync(Alberta, id, Token));
        Assert.Equal(id, Assert.Single((await store.QueryAsync(Alberta, new JourneyQuery(null, "lw-reopen", 1, 10), Token)).Items).JourneyId);
    }

    [Fact]
    public async Task Events_are_keyed_uniquely_by_tenant_journey_and_version()
    {
        await _store!.MigrateAsync(Token);

        var key = await _db!.QueryAsync<string>($"""
            SELECT a.attname FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = '"{_db!.Name}".journey_events'::regclass AND i.indisprimary
            ORDER BY k.position
            """);
        var id = Guid.NewGuid();
        await _store.AppendAsync(Append(Alberta, id, 0, [Event()]), Token);
        var duplicate = await Assert.ThrowsAsync<PostgresException>(() => _db!.QueryAsync<int>($$"""
            INSERT INTO "{{_db!.Name}}".journey_events (tenant, journey_id, version, event_type, data, command_id, actor, occurred_at)
            VALUES ('ab', '{{id}}', 1, 'Copy', '{}', gen_random_uuid(), 'lw-1', now()) RETURNING 1
            """));

        Assert.Equal(["tenant", "journey_id", "version"], key);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
    }

    [Fact]
    public async Task Event_bodies_read_back_byte_for_byte()
    {
        // Stored as text on purpose: jsonb would hand back {"a": [2, 1], "zed": 1}.
        const string Body = "{\"zed\":1,   \"a\":[2,1], \"note\":\"caf\u00e9 \u2014 ok\"}";
        var id = Guid.NewGuid();
        await _store!.AppendAsync(Append(Alberta, id, 0, [Event() with { Data = Body }]), Token);

        Assert.Equal(Body, Assert.Single(await _store.ReadAsync(Alberta, id, Token)).Data);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_reported_unavailable()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        await using var nowhere = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={closedPort};Username=postgres;Timeout=3");
        var store = Open(nowhere, _db!.Name);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CheckHealthAsync(Token));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadAsync(Alberta, Guid.NewGuid(), Token));
    }

    [Fact]
    public async Task Acknowledged_appends_survive_an_immediate_stop_and_the_store_recovers_after_restart()
    {
        Assert.SkipWhen(_db!.Server.IsExternal, $"{PostgresServer.ConnectionStringVariable} points at a server these tests may not stop.");

        // A server of its own: stopping the shared one would break the tests running beside this one.
        await using var server = await PostgresServer.CreateAsync(Token);
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var store = Open(dataSource, "crash");
        var id = Guid.NewGuid();
        await store.AppendAsync(Append(Alberta, id, 0, [Event(), Event()]), Token);

        await server.StopImmediateAsync(Token);
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.CheckHealthAsync(Token));
        await server.StartAsync(Token);

        // Pooled connections died with the server; the first calls may say so, and then the store carries on.
        IReadOnlyList<StoredEvent>? events = null;
        for (var attempt = 0; events is null && attempt < 10; attempt++)
        {
            try
            {
                events = await store.ReadAsync(Alberta, id, Token);
            }
            catch (StorageUnavailableException)
            {
                await Task.Delay(100, Token);
            }
        }

        Assert.Equal([1L, 2L], events!.Select(e => e.Version));
        await store.AppendAsync(Append(Alberta, id, 2, [Event()]), Token);
        Assert.Equal(3, (await store.ReadAsync(Alberta, id, Token)).Count);
    }

    [Fact]
    public async Task The_registration_serves_the_store_configured_from_the_storage_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Schema"] = _db!.Name })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPostgresJourneyStore(_db!.AppConnectionString, configuration.GetSection("Storage"), _db!.Server.ConnectionString);
        var id = Guid.NewGuid();

        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            await provider.GetRequiredService<IJourneyStore>().AppendAsync(Append(Alberta, id, 0, [Event()]), Token);
            Assert.Same(provider.GetRequiredService<PostgresJourneyStore>(), provider.GetRequiredService<IJourneyStore>());
        }

        Assert.Single(await _store!.ReadAsync(Alberta, id, Token));
    }

    private static PostgresJourneyStore Open(NpgsqlDataSource dataSource, string schema) =>
        new(dataSource, Options.Create(new PostgresStorageOptions { Schema = schema }), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance);

}
