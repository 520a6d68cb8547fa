using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The directory conformance suite on the production engine, as the application's role, in a schema of its own.</summary>
[Collection(PostgresWritersCollection.Name)]
public sealed class PostgresDirectoryStoreTests(PostgresFixture fixture) : DirectoryStoreConformance, IAsyncLifetime
{
    private PostgresTestSchema? _db;
    private PostgresJourneyStore? _store;

    protected override IDirectoryStore Directory => _store!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresTestSchema.CreateAsync(fixture, "directory");
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
}
