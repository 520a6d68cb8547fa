using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Storage.Tests;

/// <summary>The audit log conformance suite on PostgreSQL with group commit, and what only PostgreSQL has to show.</summary>
public sealed class PostgresAuditLogTests(PostgresFixture fixture) : PostgresAuditLogConformance(fixture, groupCommit: true)
{
    [Fact]
    public async Task Truncating_entries_fails_even_for_the_tables_owner()
    {
        await AppendOneByOneAsync(2);

        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"TRUNCATE {EntriesTable}"));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
        Assert.Equal(2, (await AllAsync(Alberta)).Count);
    }

    [Theory]
    [InlineData("DELETE FROM {0} WHERE false")]
    [InlineData("UPDATE {0} SET actor = actor WHERE sequence < 0")]
    public async Task Even_a_change_that_matches_no_entry_fails(string sql)
    {
        await Store.MigrateAsync(Token);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, EntriesTable)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE {0}.audit_chain_heads SET sequence = 1, hash = hash WHERE tenant = 'ab'")]
    [InlineData("DELETE FROM {0}.audit_chain_heads WHERE tenant = 'ab'")]
    [InlineData("TRUNCATE {0}.audit_chain_heads")]
    public async Task A_chain_head_only_moves_forward_and_is_never_removed(string sql)
    {
        await AppendOneByOneAsync(3);

        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"\"{Db.Name}\"")));

        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task The_applications_role_cannot_purge_even_with_the_gate_open_and_an_anchor_is_never_removed()
    {
        await AppendOneByOneAsync(4);
        await Log.PurgeAsync(Alberta, T0.AddMinutes(2), Token);

        await using (var connection = await Db.AppDataSource.OpenConnectionAsync(Token))
        {
            await using var gate = new NpgsqlCommand($"SELECT set_config('sp.tenants', 'ab', false), set_config('sp.audit_purge', 'on', false)", connection);
            await gate.ExecuteNonQueryAsync(Token);
            await using var delete = new NpgsqlCommand($"DELETE FROM {EntriesTable} WHERE tenant = 'ab'", connection);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync(Token));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            await using var reset = new NpgsqlCommand("RESET ALL", connection);
            await reset.ExecuteNonQueryAsync(Token);
        }

        // Nor may the owner move an anchor back or remove it.
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"UPDATE \"{Db.Name}\".audit_chain_anchors SET sequence = 1 WHERE tenant = 'ab'"));
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync($"DELETE FROM \"{Db.Name}\".audit_chain_anchors"));
        Assert.Equal([3L, 4L], (await AllAsync(Alberta)).Select(e => e.Sequence));
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task No_role_holds_update_delete_or_truncate_through_public()
    {
        await Store.MigrateAsync(Token);

        var granted = await Db.QueryAsync<bool>($"""
            SELECT has_table_privilege('public', '{EntriesTable}', p) FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE']) AS p
            """);
        var key = await Db.QueryAsync<string>($"""
            SELECT a.attname FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = '{EntriesTable}'::regclass AND i.indisprimary
            ORDER BY k.position
            """);

        Assert.Equal([false, false, false], granted);
        Assert.Equal(["tenant", "sequence"], key);
    }

    [Fact]
    public async Task Hosts_appending_to_one_database_at_once_keep_each_chain_gap_free()
    {
        // Two stores with pools of their own on one schema: two hosts of a cluster, serialised only by the database.
        await using var otherPool = NpgsqlDataSource.Create(Db.AppConnectionString);
        await using var otherHost = Open(otherPool);
        await Store.MigrateAsync(Token);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(n => Task.Run(async () =>
        {
            var host = n % 2 == 0 ? Store : otherHost;
            for (var i = 0; i < 25; i++)
            {
                await host.AppendAsync([Entry(i % 2 == 0 ? Alberta : Ontario, actor: $"h{n}-{i}"), Entry(Alberta, actor: $"h{n}-{i}b")], Token);
            }
        }, Token)));

        var alberta = await Log.VerifyAsync(Alberta, Token);
        var ontario = await Log.VerifyAsync(Ontario, Token);
        Assert.True(alberta.IsIntact, alberta.Detail);
        Assert.True(ontario.IsIntact, ontario.Detail);
        // Each appender writes 25 entries to Alberta and alternates the other 25 between the tenants, Alberta first.
        Assert.Equal((16L * (25 + 13), 16L * 12), (alberta.Entries, ontario.Entries));
    }

    [Fact]
    public async Task A_host_that_knows_the_heads_appends_in_one_statement()
    {
        await Log.AppendAsync([Entry(actor: "first")], Token);
        await using var connection = await Db.DataSource.OpenConnectionAsync(Token);
        await using var blocker = await connection.BeginTransactionAsync(Token);
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM \"{Db.Name}\".audit_chain_heads WHERE tenant = 'ab' FOR UPDATE", connection, blocker))
        {
            await hold.ExecuteNonQueryAsync(Token);
        }

        var append = Log.AppendAsync([Entry(actor: "second")], Token);
        var waiting = await WaitForQueryAsync($"WITH locked AS (%\"{Db.Name}\".audit_chain_heads%");
        await blocker.CommitAsync(Token);
        await append;

        Assert.True(waiting, "No append waited on the head lock inside the one-statement append.");
        Assert.Equal(["first", "second"], (await AllAsync(Alberta)).Select(s => s.Entry.Actor));
    }

    [Fact]
    public async Task A_host_that_knows_an_old_head_appends_after_the_one_another_host_wrote()
    {
        await using var otherPool = NpgsqlDataSource.Create(Db.AppConnectionString);
        await using var otherHost = Open(otherPool);

        // Each host remembers the head it wrote last; the other host's appends make that memory stale.
        await Log.AppendAsync([Entry(actor: "here-1"), Entry(Ontario, actor: "here-1")], Token);
        await otherHost.AppendAsync([Entry(actor: "there-1")], Token);
        await otherHost.AppendAsync([Entry(actor: "there-2"), Entry(Ontario, actor: "there-2")], Token);
        await Log.AppendAsync([Entry(actor: "here-2"), Entry(Ontario, actor: "here-2")], Token);
        await otherHost.AppendAsync([Entry(actor: "there-3")], Token);

        Assert.Equal(["here-1", "there-1", "there-2", "here-2", "there-3"], (await AllAsync(Alberta)).Select(s => s.Entry.Actor));
        Assert.Equal(["here-1", "there-2", "here-2"], (await AllAsync(Ontario)).Select(s => s.Entry.Actor));
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
        Assert.True((await Log.VerifyAsync(Ontario, Token)).IsIntact);
    }

    [Fact]
    public async Task Concurrent_appends_share_transactions()
    {
        await Store.MigrateAsync(Token);
        await using var connection = await Db.DataSource.OpenConnectionAsync(Token);
        await using var blocker = await connection.BeginTransactionAsync(Token);

        // Hold the first append's head lock, so the appends behind it queue up and go in one batch.
        await using (var seed = new NpgsqlCommand($"INSERT INTO \"{Db.Name}\".audit_chain_heads VALUES ('ab', 0, '{AuditChain.Genesis}') RETURNING 1", connection, blocker))
        {
            await seed.ExecuteNonQueryAsync(Token);
        }

        var first = Log.AppendAsync([Entry(actor: "first")], Token);
        var rest = Enumerable.Range(0, 20).Select(i => Log.AppendAsync([Entry(actor: $"then-{i}")], Token)).ToArray();
        var beforeCommit = await Db.QueryAsync<long>($"SELECT count(*) FROM \"{Db.Name}\".audit_entries");
        await blocker.CommitAsync(Token);
        await first;
        await Task.WhenAll(rest);

        var transactions = await Db.QueryAsync<long>($"SELECT count(DISTINCT xmin::text) FROM \"{Db.Name}\".audit_entries");
        Assert.Equal(0, beforeCommit[0]);
        Assert.Equal(2, transactions[0]);
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task The_registration_serves_the_store_as_the_audit_log()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Schema"] = Db.Name })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddPostgresJourneyStore(Db.AppConnectionString, configuration.GetSection("Storage"), Db.Server.ConnectionString);

        await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }))
        {
            var log = provider.GetRequiredService<IAuditLog>();
            Assert.Same(provider.GetRequiredService<PostgresJourneyStore>(), log);
            await log.AppendAsync([Entry(actor: "via-di")], Token);
        }

        Assert.Equal("via-di", Assert.Single(await AllAsync(Alberta)).Entry.Actor);
    }

    /// <summary>Waits until a session other than the test's waits for a lock in a statement that is <c>LIKE</c> <paramref name="pattern"/>.</summary>
    private async Task<bool> WaitForQueryAsync(string pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var sql = $"SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '{pattern.Replace("'", "''", StringComparison.Ordinal)}' AND pid <> pg_backend_pid()";
            if ((await Db.QueryAsync<long>(sql))[0] > 0)
            {
                return true;
            }

            await Task.Delay(10, Token);
        }

        return false;
    }
}
