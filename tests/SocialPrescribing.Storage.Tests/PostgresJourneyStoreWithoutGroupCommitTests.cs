using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The conformance suite on the production engine with group commit turned off, so the single-statement
/// path (one transaction per append) stays proven too.
/// </summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresJourneyStoreWithoutGroupCommitTests(PostgresFixture fixture) : EventFeedConformance, IAsyncLifetime
{
    private PostgresTestSchema? _db;
    private PostgresJourneyStore? _store;

    protected override IJourneyStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "single");
        _store = _db.OpenStore(new PostgresStorageOptions { GroupCommit = false });
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
    public async Task Every_append_is_a_transaction_of_its_own()
    {
        var journeys = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(journeys.Select(journey => Store.AppendAsync(Append(Alberta, journey, 0, [Event()]), TestContext.Current.CancellationToken)));

        var statistics = _store!.AppendStatistics;
        Assert.Equal(16, statistics.Transactions);
        Assert.Equal(16, statistics.Appends);
        Assert.Equal(1, statistics.LargestBatch);
    }

    [Fact]
    public async Task Appends_reuse_statements_prepared_once_on_their_connection()
    {
        // One pooled connection, not reset when reopened (as AddPostgresJourneyStore builds the pool), so the
        // statements the store prepared on it are visible from it afterwards.
        var builder = new NpgsqlDataSourceBuilder(_db!.AppConnectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = 1;
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        await using var dataSource = builder.Build();
        var schema = PostgresServer.UniqueName("prepared");
        var store = new PostgresJourneyStore(
            dataSource,
            Options.Create(new PostgresStorageOptions { Schema = schema, GroupCommit = false }),
            TimeProvider.System,
            NullLogger<PostgresJourneyStore>.Instance,
            ownerDataSource: _db.DataSource);
        try
        {
            var journey = Guid.NewGuid();
            for (var version = 0; version < 5; version++)
            {
                await store.AppendAsync(Append(Alberta, journey, version, [Event(minute: version)]), TestContext.Current.CancellationToken);
            }

            Assert.Equal(
                Enumerable.Range(1, 5).Select(v => (long)v),
                (await store.ReadAsync(Alberta, journey, TestContext.Current.CancellationToken)).Select(e => e.Version));

            await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var prepared = new NpgsqlCommand(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%journey_events%' AND statement LIKE '%WITH summary AS%'",
                connection);

            // One statement that starts a stream and one that continues it, each prepared once for five appends.
            Assert.Equal(2L, await prepared.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await store.DisposeAsync();
            await _db!.Server.DropSchemaAsync(schema, CancellationToken.None);
        }
    }
}
