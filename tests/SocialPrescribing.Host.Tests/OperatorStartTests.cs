using System.Net;
using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>The host started the way operators start it: from another folder, with a role that may not change the schema.</summary>
[Collection(HostCollection.Name)]
public sealed class OperatorStartTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_published_host_started_from_another_folder_reads_its_own_settings()
    {
        var elsewhere = TempFolders.New("sp-cwd");
        var data = TempFolders.New("sp-data");
        try
        {
            await using var host = await HostProcess.StartInAsync(elsewhere, data, Token);

            using var journeys = await host.Client.GetAsync("/api/v1/tenants/ab/journeys", Token);

            Assert.Equal(HttpStatusCode.OK, journeys.StatusCode);
        }
        finally
        {
            TempFolders.Delete(elsewhere);
            TempFolders.Delete(data);
        }
    }

    [Fact]
    public async Task A_host_without_tenants_refuses_to_start_naming_the_setting()
    {
        // A folder with its own appsettings.json that configures no tenant: that file, not the installed one, is read.
        var folder = TempFolders.New("sp-no-tenants");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), """{ "Storage": { "Provider": "sqlite" } }""", Token);

            var (exitCode, output) = await HostCommand.RunAsync(folder, Path.Combine(AppContext.BaseDirectory, "SocialPrescribing.Host.dll"), "--Storage:DataDirectory", Path.Combine(folder, "data"), "--urls", "http://127.0.0.1:0");

            Assert.NotEqual(0, exitCode);
            Assert.Contains("No tenant is configured", output, StringComparison.Ordinal);
            Assert.Contains("Tenants:<id>", output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(folder);
        }
    }

    [Fact]
    public async Task After_migrate_a_host_whose_role_may_not_change_the_schema_runs_the_pathway_and_its_jobs()
    {
        var server = await postgres.GetServerAsync();
        var owner = await server.CreateDatabaseAsync(PostgresServer.UniqueName("ops"), Token);
        var (migrated, migrateOutput) = await HostCommand.RunAsync(
            AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "SocialPrescribing.Host.dll"), "migrate", "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", owner);
        Assert.True(migrated == 0, migrateOutput);
        Assert.Contains("Schema of jobs is up to date.", migrateOutput, StringComparison.Ordinal);
        Assert.Contains("Schema of accounts is up to date.", migrateOutput, StringComparison.Ordinal);

        var role = PostgresServer.UniqueName("app");
        await ExecuteAsync(owner, $"""
            CREATE ROLE {role} LOGIN PASSWORD 'app-secret' NOSUPERUSER NOCREATEDB NOCREATEROLE;
            REVOKE CREATE ON SCHEMA public FROM PUBLIC;
            GRANT USAGE ON SCHEMA social_prescribing, social_prescribing_accounts, hangfire TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA social_prescribing, social_prescribing_accounts, hangfire TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA social_prescribing, social_prescribing_accounts, hangfire TO {role};
            """);
        var app = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = "app-secret" }.ConnectionString;
        var data = TempFolders.New("sp-data");
        try
        {
            await using var host = await HostProcess.StartAsync(
                data, Token, "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", app, "--Storage:MigrateOnFirstUse", "false",
                "--Orleans:AdvertisedIPAddress", "127.0.0.1", "--Orleans:ClusterId", PostgresServer.UniqueName("cluster"));

            var id = await Api.CreateJourneyAsync(host.Client);
            await Api.CommandOkAsync(host.Client, id, "accept", new { linkWorkerId = "lw-ops" });

            // Accepting schedules the first-contact check in Hangfire's tables, written by the same limited role.
            Assert.Equal(1L, await ScalarAsync(owner, $"SELECT COUNT(*) FROM social_prescribing.journeys WHERE journey_id = '{id}'"));
            await Api.EventuallyAsync(async () => await ScalarAsync(owner, "SELECT COUNT(*) FROM hangfire.job") >= 1, "the first-contact check is stored");
            Assert.DoesNotContain("permission denied", host.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    [Fact]
    public async Task With_an_owner_role_the_host_migrates_as_the_owner_and_serves_as_a_role_row_level_security_binds()
    {
        // The two roles of the README: the owner of the database, and a login that owns nothing and is granted rows.
        var server = await postgres.GetServerAsync();
        var database = await server.CreateDatabaseAsync(PostgresServer.UniqueName("owned"), Token);
        var ownerRole = PostgresServer.UniqueName("owner");
        var appRole = PostgresServer.UniqueName("app");
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        await ExecuteAsync(database, $"""
            CREATE ROLE {ownerRole} LOGIN PASSWORD 'owner-secret' NOSUPERUSER NOBYPASSRLS;
            CREATE ROLE {appRole} LOGIN PASSWORD 'app-secret' NOSUPERUSER NOBYPASSRLS;
            ALTER DATABASE "{name}" OWNER TO {ownerRole};
            """);
        var owner = new NpgsqlConnectionStringBuilder(database) { Username = ownerRole, Password = "owner-secret" }.ConnectionString;
        var app = new NpgsqlConnectionStringBuilder(database) { Username = appRole, Password = "app-secret" }.ConnectionString;
        var data = TempFolders.New("sp-data");
        try
        {
            await using var host = await HostProcess.StartAsync(
                data, Token, "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", app, "--ConnectionStrings:PostgresOwner", owner,
                "--Orleans:AdvertisedIPAddress", "127.0.0.1", "--Orleans:ClusterId", PostgresServer.UniqueName("cluster"));

            var id = await Api.CreateJourneyAsync(host.Client);
            await Api.CommandOkAsync(host.Client, id, "accept", new { linkWorkerId = "lw-owned" });

            await Api.EventuallyAsync(async () => await ScalarAsync(database, "SELECT COUNT(*) FROM hangfire.job") >= 1, "the first-contact check is stored");
            Assert.Equal(0L, await ScalarAsync(database, $"SELECT COUNT(*) FROM pg_tables WHERE tableowner = '{appRole}'"));
            Assert.Equal(1L, await ScalarAsync(app, $"SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'social_prescribing' AND tablename = 'journeys' AND tableowner = '{ownerRole}'"));
            // The host's role, asked directly without naming a tenant, sees none of the rows it wrote.
            Assert.Equal(0L, await ScalarAsync(app, "SELECT COUNT(*) FROM social_prescribing.journey_events"));
            Assert.Contains("row-level security binds the host's role", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Tenant isolation in PostgreSQL is weakened", host.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("permission denied", host.Output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Token);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql) =>
        await PostgresHostTests.ScalarAsync<long>(connectionString, sql);
}
