using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The record stream conformance suite on the embedded engine, each test on its own database file.</summary>
public sealed class SqliteRecordStreamStoreTests : RecordStreamStoreConformance, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sp-sqlite-records-" + Guid.NewGuid().ToString("N"));
    private SqliteJourneyStore _store = null!;

    protected override IRecordStreamStore Records => _store;

    protected override IJourneyStore Journeys => _store;

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
    public async Task Records_written_by_one_store_are_read_by_the_next_on_the_same_file()
    {
        await _store.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record(), Record()]), Token);

        using var reopened = Open();

        Assert.Equal([1L, 2L], (await reopened.ReadStreamAsync(Alberta, Training, "lw-1", Token)).Select(r => r.Version));
        await reopened.AppendStreamAsync(Append(Alberta, "lw-1", 2, [Record()]), Token);
        Assert.Equal(3, (await _store.ReadStreamAsync(Alberta, Training, "lw-1", Token)).Count);
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_reported_unavailable()
    {
        // A directory where the database file should be: SQLite cannot open it (SQLITE_CANTOPEN).
        var blocked = Path.Combine(_directory, "blocked");
        Directory.CreateDirectory(Path.Combine(blocked, "journeys.db"));
        using var store = new SqliteJourneyStore(
            Options.Create(new SqliteStorageOptions { DataDirectory = blocked }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ReadStreamAsync(Alberta, Training, "lw-1", Token));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()]), Token));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task The_registration_serves_one_store_as_journey_and_record_stream_store()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _directory })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSqliteJourneyStore(configuration.GetSection("Storage"));

        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var records = provider.GetRequiredService<IRecordStreamStore>();
            Assert.Same(provider.GetRequiredService<SqliteJourneyStore>(), records);
            Assert.Same(provider.GetRequiredService<IJourneyStore>(), records);
            await records.AppendStreamAsync(Append(Alberta, "lw-di", 0, [Record()]), Token);
        }

        Assert.Single(await _store.ReadStreamAsync(Alberta, Training, "lw-di", Token));
    }

    private SqliteJourneyStore Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);
}
