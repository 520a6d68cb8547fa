using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// A schema of one test's own on the shared test server, so tests never see each other's rows, with the two roles a
/// production deployment has: the server's superuser stands in for the owner (it runs the migrations, and the tests
/// read, plant and tamper with rows through <see cref="DataSource"/>), and <see cref="ApplicationRole"/> is the store's
/// role, as the application's should be: no superuser, no BYPASSRLS, owner of nothing, so row-level security binds it.
/// Disposing closes the data sources and drops the schema; dispose any store on it first.
/// </summary>
internal sealed class PostgresTestSchema : IAsyncDisposable
{
    /// <summary>The application's role, shared by every schema on the server (each migration grants it its rights).</summary>
    public const string ApplicationRole = "sp_test_app";

    private const string ApplicationPassword = "sp-test-app";

    private static readonly SemaphoreSlim RoleGate = new(1, 1);
    private static string? _roleReadyOn;

    private PostgresTestSchema(PostgresServer server, string name)
    {
        Server = server;
        Name = name;
        DataSource = NpgsqlDataSource.Create(server.ConnectionString);
        // Named after the schema, so a test finds its own store's sessions in pg_stat_activity (whose query text is cut short).
        AppConnectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = ApplicationRole, Password = ApplicationPassword, ApplicationName = name }.ConnectionString;
        AppDataSource = NpgsqlDataSource.Create(AppConnectionString);
    }

    public PostgresServer Server { get; }

    /// <summary>The schema's name, unquoted (it needs no quoting).</summary>
    public string Name { get; }

    /// <summary>Connections as the superuser: the owner's migrations, and the tests' own look behind the store.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Connections as <see cref="ApplicationRole"/>.</summary>
    public NpgsqlDataSource AppDataSource { get; }

    public string AppConnectionString { get; }

    /// <param name="fixture">The shared test server.</param>
    /// <param name="prefix">The start of the schema's name, saying which tests it belongs to.</param>
    public static async Task<PostgresTestSchema> CreateAsync(PostgresFixture fixture, string prefix)
    {
        var server = await fixture.GetServerAsync();
        await EnsureApplicationRoleAsync(server);
        return new(server, PostgresServer.UniqueName(prefix));
    }

    /// <summary>A store on this schema as the application's role, migrated by the owner (group commit unless turned off).</summary>
    public PostgresJourneyStore OpenStore(PostgresStorageOptions? options = null, IMeterFactory? meters = null, NpgsqlDataSource? dataSource = null)
    {
        options ??= new PostgresStorageOptions();
        options.Schema = Name;
        return new PostgresJourneyStore(
            dataSource ?? AppDataSource, Options.Create(options), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance, meters, DataSource);
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, read as the superuser.</summary>
    public Task<List<T>> QueryAsync<T>(string sql) => QueryAsync<T>(DataSource, sql);

    /// <summary>The first column of every row <paramref name="sql"/> returns, read through <paramref name="dataSource"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
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
        await AppDataSource.DisposeAsync();
        await DataSource.DisposeAsync();
        await Server.DropSchemaAsync(Name, CancellationToken.None);
    }

    /// <summary>Creates the application's role once per server and run.</summary>
    private static async Task EnsureApplicationRoleAsync(PostgresServer server)
    {
        await RoleGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_roleReadyOn != server.ConnectionString)
            {
                await server.EnsureRestrictedRoleAsync(ApplicationRole, ApplicationPassword, TestContext.Current.CancellationToken);
                _roleReadyOn = server.ConnectionString;
            }
        }
        finally
        {
            RoleGate.Release();
        }
    }
}
