using Npgsql;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The audit log conformance suite on the production engine, each test on a schema of its own on the shared test
/// server. The store runs as the application's role; the test
/// server's superuser tampers, and only has to switch triggers off for its session.
/// </summary>
public abstract class PostgresAuditLogConformance(PostgresFixture fixture, bool groupCommit) : AuditLogConformance, IAsyncLifetime
{
    private protected PostgresTestSchema Db { get; private set; } = null!;

    protected PostgresJourneyStore Store { get; private set; } = null!;

    protected override IAuditLog Log => Store;

    protected override string EntriesTable => $"\"{Db.Name}\".audit_entries";

    public async ValueTask InitializeAsync()
    {
        Db = await PostgresTestSchema.CreateAsync(fixture, "audit");
        Store = Open(Db.AppDataSource);
    }

    public async ValueTask DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
        }

        if (Db is not null)
        {
            await Db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected PostgresJourneyStore Open(NpgsqlDataSource dataSource) => Db.OpenStore(new PostgresStorageOptions { GroupCommit = groupCommit }, dataSource: dataSource);

    // A replica session fires no ordinary triggers: what a superuser (or an owner able to disable triggers) could do.
    // SET LOCAL, so the setting ends with the transaction and never goes back to the pool the store also uses.
    protected override Task TamperAsync(string sql) => ExecuteAsync($"BEGIN; SET LOCAL session_replication_role = replica; {sql}; COMMIT");

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = await Db.DataSource.OpenConnectionAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }
}
