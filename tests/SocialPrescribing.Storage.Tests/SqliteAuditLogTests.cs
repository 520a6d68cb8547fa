using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage.Sqlite;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The audit log conformance suite on the embedded engine, each test on its own database file.</summary>
public sealed class SqliteAuditLogTests : AuditLogConformance, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sp-sqlite-audit-" + Guid.NewGuid().ToString("N"));
    private SqliteJourneyStore _store = null!;

    protected override IAuditLog Log => _store;

    protected override string EntriesTable => "audit_entries";

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "journeys.db"), Pooling = false }.ToString();

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

    // Whoever can write the file can drop the triggers: the chain is what still tells.
    protected override Task TamperAsync(string sql) =>
        ExecuteAsync("DROP TRIGGER IF EXISTS audit_entries_no_update; DROP TRIGGER IF EXISTS audit_entries_no_delete; " + sql);

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }

    [Theory]
    [InlineData("UPDATE audit_chain_heads SET sequence = 1 WHERE tenant = 'ab'")]
    [InlineData("DELETE FROM audit_chain_heads")]
    public async Task A_chain_head_only_moves_forward_and_is_never_removed(string sql)
    {
        await AppendOneByOneAsync(3);

        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(sql));

        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task Entries_written_by_one_store_are_verified_and_extended_by_the_next_on_the_same_file()
    {
        await AppendOneByOneAsync(3);

        using var reopened = Open();
        await reopened.AppendAsync([Entry(actor: "after-restart")], Token);

        var verification = await reopened.VerifyAsync(Alberta, Token);
        Assert.True(verification.IsIntact, verification.Detail);
        Assert.Equal(4, verification.Entries);
    }

    [Fact]
    public async Task The_registration_serves_the_store_as_the_audit_log()
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
            var log = provider.GetRequiredService<IAuditLog>();
            Assert.Same(provider.GetRequiredService<SqliteJourneyStore>(), log);
            await log.AppendAsync([Entry(actor: "via-di")], Token);
        }

        Assert.Equal("via-di", Assert.Single(await AllAsync(Alberta)).Entry.Actor);
    }

    private SqliteJourneyStore Open() =>
        new(Options.Create(new SqliteStorageOptions { DataDirectory = _directory }), TimeProvider.System, NullLogger<SqliteJourneyStore>.Instance);
}
