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
/// The record stream conformance suite on the production engine. Every test gets a schema of its own on the shared
/// test server, so tests never see each other's rows and a run leaves nothing behind.
/// </summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresRecordStreamStoreTests(PostgresFixture fixture) : RecordStreamStoreConformance, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private PostgresTestSchema? _db;
    private PostgresJourneyStore? _store;

    protected override IRecordStreamStore Records => _store!;

    protected override IJourneyStore Journeys => _store!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "records");
        _store = _db.OpenStore();
    }

    public async ValueTask DisposeAsync()
    {
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
    public async Task Records_are_keyed_uniquely_by_tenant_kind_stream_and_version()
    {
        await _store!.MigrateAsync(Token);

        var key = await _db!.QueryAsync<string>($"""
            SELECT a.attname FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = '"{_db!.Name}".record_streams'::regclass AND i.indisprimary
            ORDER BY k.position
            """);
        var badTenant = await Assert.ThrowsAsync<PostgresException>(() => _db!.QueryAsync<int>($$"""
            INSERT INTO "{{_db!.Name}}".record_streams (tenant, kind, stream_id, version, event_type, data, command_id, actor, occurred_at)
            VALUES ('Not A Tenant', 'k', 's', 1, 'T', '{}', gen_random_uuid(), 'lw-1', now()) RETURNING 1
            """));

        Assert.Equal(["tenant", "kind", "stream_id", "version"], key);
        Assert.Equal(PostgresErrorCodes.CheckViolation, badTenant.SqlState);
    }

    [Fact]
    public async Task A_rival_that_commits_the_same_version_first_makes_the_append_conflict_and_store_nothing()
    {
        await _store!.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()]), Token);

        // A rival transaction writes version 2 and holds it uncommitted, so the store's append still sees version 1,
        // passes its guard and then waits on the primary key until the rival commits.
        await using var connection = await _db!.DataSource.OpenConnectionAsync(Token);
        await using var rival = await connection.BeginTransactionAsync(Token);
        await using (var insert = new NpgsqlCommand(
            $$"""
            INSERT INTO "{{_db!.Name}}".record_streams (tenant, kind, stream_id, version, event_type, data, command_id, actor, occurred_at)
            VALUES ('ab', '{{Training}}', 'lw-1', 2, 'Rival', '{}', gen_random_uuid(), 'lw-2', now())
            """,
            connection,
            rival))
        {
            await insert.ExecuteNonQueryAsync(Token);
        }

        var append = _store.AppendStreamAsync(Append(Alberta, "lw-1", 1, [Record("Mine"), Record("Mine")]), Token);
        await WaitForBlockedAppendAsync();
        await rival.CommitAsync(Token);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => append);
        var records = await _store.ReadStreamAsync(Alberta, Training, "lw-1", Token);
        Assert.Equal([1L, 2L], records.Select(r => r.Version));
        Assert.Equal("Rival", records[1].Type);
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
        await using var store = Open(nowhere, _db!.Name);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadStreamAsync(Alberta, Training, "lw-1", Token));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()]), Token));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task The_registration_serves_one_store_as_journey_and_record_stream_store()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Schema"] = _db!.Name })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPostgresJourneyStore(_db!.AppConnectionString, configuration.GetSection("Storage"), _db!.Server.ConnectionString);

        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var records = provider.GetRequiredService<IRecordStreamStore>();
            Assert.Same(provider.GetRequiredService<PostgresJourneyStore>(), records);
            Assert.Same(provider.GetRequiredService<IJourneyStore>(), records);
            await records.AppendStreamAsync(Append(Alberta, "lw-di", 0, [Record()]), Token);
        }

        Assert.Single(await _store!.ReadStreamAsync(Alberta, Training, "lw-di", Token));
    }

    private static PostgresJourneyStore Open(NpgsqlDataSource dataSource, string schema) =>
        new(dataSource, Options.Create(new PostgresStorageOptions { Schema = schema }), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance);

    /// <summary>Waits until this test's store has an append waiting for a row lock.</summary>
    private async Task WaitForBlockedAppendAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while ((await _db!.QueryAsync<long>(
            $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%\"{_db!.Name}\".record_streams%' AND pid <> pg_backend_pid()"))[0] == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the append to block on the rival's row.");
            await Task.Delay(10, Token);
        }
    }

}
