namespace SocialPrescribing.Host.Tests;

/// <summary>One shared host for the API tests; journeys are independent, so tests need not be isolated further.</summary>
public class HostFixture : IAsyncLifetime
{
    public HostFixture()
        : this(null)
    {
    }

    /// <summary>A host with <paramref name="settings"/> on top of the tests' own.</summary>
    protected HostFixture(IReadOnlyDictionary<string, string>? settings) => Factory = new JourneyHostFactory(settings: settings);

    public JourneyHostFactory Factory { get; }

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateAuthenticatedClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolders.Delete(Factory.DataDirectory);
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
