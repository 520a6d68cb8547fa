using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The directory conformance suite on the embedded engine, each test on its own database file.</summary>
public sealed class SqliteDirectoryStoreTests : DirectoryStoreConformance, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sp-sqlite-directory-" + Guid.NewGuid().ToString("N"));
    private SqliteJourneyStore _store = null!;

    protected override IDirectoryStore Directory => _store;

    public ValueTask InitializeAsync()
    {
        _store = new SqliteJourneyStore(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
