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
public sealed class PostgresJourneyStoreWithoutGroupCommitTests(PostgresFixture fixture) : JourneyStoreConformance, IAsyncLifetime
{
    private readonly string _schema = PostgresServer.UniqueName("single");
    private PostgresServer? _server;
    private NpgsqlDataSource? _dataSource;
    private PostgresJourneyStore? _store;

    protected override IJourneyStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _server = await fixture.GetServerAsync();
        _dataSource = NpgsqlDataSource.Create(_server.ConnectionString);
        _store = new PostgresJourneyStore(
            _dataSource,
            Options.Create(new PostgresStorageOptions { Schema = _schema, GroupCommit = false }),
            TimeProvider.System,
            NullLogger<PostgresJourneyStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DropSchemaAsync(_schema, CancellationToken.None);
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
}
