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
    public async Task Migrations_run_once_however_often_the_store_starts()
    {
        await _store.MigrateAsync();
        using var second = Open();
        await second.MigrateAsync();

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_directory, "journeys.db")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
        Assert.Equal(13L, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    private SqliteJourneyStore Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);
}
