namespace SocialPrescribing.Host.Tests;

/// <summary>One shared host for the API tests; journeys are independent, so tests need not be isolated further.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public JourneyHostFactory Factory { get; } = new();

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
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host";
}
