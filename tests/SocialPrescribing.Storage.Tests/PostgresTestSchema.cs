using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// A schema of one test's own on the shared test server, with a data source on that server, so tests never see each
/// other's rows. Disposing it closes the data source and drops the schema; dispose any store on it first.
/// </summary>
internal sealed class PostgresTestSchema : IAsyncDisposable
{
    private PostgresTestSchema(PostgresServer server, string name)
    {
        Server = server;
        Name = name;
        DataSource = NpgsqlDataSource.Create(server.ConnectionString);
    }

    public PostgresServer Server { get; }

    /// <summary>The schema's name, unquoted (it needs no quoting).</summary>
    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <param name="fixture">The shared test server.</param>
    /// <param name="prefix">The start of the schema's name, saying which tests it belongs to.</param>
    public static async Task<PostgresTestSchema> CreateAsync(PostgresFixture fixture, string prefix) =>
        new(await fixture.GetServerAsync(), PostgresServer.UniqueName(prefix));

    /// <summary>The first column of every row <paramref name="sql"/> returns.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Server.DropSchemaAsync(Name, CancellationToken.None);
    }
}
