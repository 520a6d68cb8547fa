using Microsoft.Data.Sqlite;
using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// <c>audit verify</c>, as an operator runs it against the host's database: intact after real traffic, and a changed,
/// removed or reordered entry found after tampering with the tables as a database superuser would (triggers off).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuditVerifyCommandTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Tampering => new()
    {
        { "sqlite", "changed" },
        { "sqlite", "removed" },
        { "postgres", "changed" },
        { "postgres", "removed" },
        { "postgres", "reordered" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Verify_passes_on_real_traffic_and_fails_naming_the_entry_after_tampering(string engine, string tampering)
    {
        var data = TempFolders.New("sp-audit-verify");
        var settings = new Dictionary<string, string>();
        string[] arguments = ["--Storage:DataDirectory", data];
        string? database = null;
        if (engine == "postgres")
        {
            database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("audit_verify"), Token);
            settings = PostgresHostTests.Settings(database);
            arguments = [.. arguments, "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", database];
        }

        try
        {
            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                for (var i = 0; i < 3; i++)
                {
                    var journey = await Api.CreateJourneyAsync(http);
                    await Api.GetJourneyAsync(http, journey);
                }
            }

            var (intactCode, intact) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "verify", .. arguments]);
            Assert.True(intactCode == 0, intact);
            Assert.Matches(@"ab: intact, 6 entries\.", intact);

            await TamperAsync(engine, tampering, data, database);

            var (brokenCode, broken) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "verify", "--tenant", "ab", .. arguments]);
            Assert.True(brokenCode == 1, broken);
            Assert.Contains("ab: BROKEN at entry", broken, StringComparison.Ordinal);
            Assert.DoesNotContain(TestTokens.DefaultCaller, broken, StringComparison.Ordinal);

            var (usageCode, _) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "check", .. arguments]);
            Assert.Equal(2, usageCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(data);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Purge_removes_only_what_is_older_than_the_tenants_retention_and_the_chain_still_verifies(string engine)
    {
        var data = TempFolders.New("sp-audit-purge");
        var settings = new Dictionary<string, string>();
        string[] arguments = ["--Storage:DataDirectory", data];
        if (engine == "postgres")
        {
            var database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("audit_purge"), Token);
            settings = PostgresHostTests.Settings(database);
            arguments = [.. arguments, "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", database];
        }

        try
        {
            // Traffic twelve years ago and yesterday, by the host's clock; the command runs on the real one.
            var now = DateTimeOffset.UtcNow;
            foreach (var then in new[] { now.AddYears(-12), now.AddDays(-1) })
            {
                await using var factory = new JourneyHostFactory(data, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(then), settings: settings);
                using var http = factory.CreateAuthenticatedClient();
                var journey = await Api.CreateJourneyAsync(http);
                await Api.GetJourneyAsync(http, journey);
            }

            var (kept, keptOutput) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "purge", "--tenant", "ab", .. arguments, "--Tenants:ab:AuditRetentionYears", "20"]);
            Assert.True(kept == 0, keptOutput);
            Assert.Contains("ab: removed 0 entries", keptOutput, StringComparison.Ordinal);

            var (dry, dryOutput) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "purge", .. arguments, "--dry-run"]);
            Assert.True(dry == 0, dryOutput);
            Assert.Contains("ab: would remove 2 entries", dryOutput, StringComparison.Ordinal);

            var (purged, purgedOutput) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "purge", .. arguments]);
            Assert.True(purged == 0, purgedOutput);
            Assert.Contains("ab: removed 2 entries", purgedOutput, StringComparison.Ordinal);
            Assert.Contains("(10 years kept); the chain now starts after entry 2.", purgedOutput, StringComparison.Ordinal);

            var (intact, intactOutput) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "audit", "verify", "--tenant", "ab", .. arguments]);
            Assert.True(intact == 0, intactOutput);
            Assert.Contains("ab: intact, 2 entries.", intactOutput, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(data);
        }
    }

    private static async Task TamperAsync(string engine, string tampering, string data, string? database)
    {
        if (engine == "sqlite")
        {
            await using var file = new SqliteConnection($"Data Source={Path.Combine(data, "journeys.db")};Pooling=False");
            await file.OpenAsync(Token);
            var sql = tampering switch
            {
                "changed" => "DROP TRIGGER audit_entries_no_update; UPDATE audit_entries SET actor = 'someone-else' WHERE tenant = 'ab' AND sequence = 3;",
                _ => "DROP TRIGGER audit_entries_no_delete; DELETE FROM audit_entries WHERE tenant = 'ab' AND sequence = 3;",
            };
            await using var command = new SqliteCommand(sql, file);
            await command.ExecuteNonQueryAsync(Token);
            return;
        }

        await using var pg = new NpgsqlConnection(database);
        await pg.OpenAsync(Token);
        const string Table = "social_prescribing.audit_entries";
        var change = tampering switch
        {
            "changed" => $"UPDATE {Table} SET action = 'print' WHERE tenant = 'ab' AND sequence = 3",
            "removed" => $"DELETE FROM {Table} WHERE tenant = 'ab' AND sequence = 3",
            // Swap two whole entries' places: each still matches its own hash, but sits where the other was written.
            _ => $"""
                UPDATE {Table} SET sequence = sequence + 1000 WHERE tenant = 'ab' AND sequence IN (3, 4);
                UPDATE {Table} SET sequence = CASE sequence WHEN 1003 THEN 4 ELSE 3 END WHERE tenant = 'ab' AND sequence IN (1003, 1004)
                """,
        };
        await using var tamper = new NpgsqlCommand(
            $"ALTER TABLE {Table} DISABLE TRIGGER audit_entries_append_only; {change}; ALTER TABLE {Table} ENABLE TRIGGER audit_entries_append_only", pg);
        await tamper.ExecuteNonQueryAsync(Token);
    }
}
