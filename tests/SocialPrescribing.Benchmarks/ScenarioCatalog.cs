using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Storage.Sqlite;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>Builds the scenarios named on the command line, each on fresh storage (its own schema, database or folder).</summary>
internal static class ScenarioCatalog
{
    public static bool UsesGroupCommit(string scenario) =>
        scenario is "store-pg" or "store-pg-superuser" or "store-pg-audited" or "audit-pg" or "grain-pg" or "app-pg" or "app-pg-unaudited" or "http-pg";

    public static async Task<LoadScenario> CreateAsync(string scenario, int? writers, PostgresServer server, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var label = writers is { } w ? $" ({w} writers)" : string.Empty;
        switch (scenario)
        {
            case "raw":
                return new RawNpgsqlScenario(server.ConnectionString);
            case "store-pg":
            case "store-pg-superuser":
            case "store-pg-single":
            case "store-pg-audited":
                var storeOptions = new PostgresStorageOptions { Schema = PostgresServer.UniqueName("bench_store"), GroupCommit = scenario != "store-pg-single" };
                if (writers is { } storeWriters)
                {
                    storeOptions.GroupCommitWriters = storeWriters;
                }

                // The superuser variant is the same store with row-level security bypassed: its cost, in the same run.
                var superuser = scenario == "store-pg-superuser";
                return new StoreScenario(
                    scenario == "store-pg-audited" ? "store only, PostgreSQL, group commit, audited" + label
                    : superuser ? "store only, PostgreSQL, group commit, as superuser (no row-level security)" + label
                    : storeOptions.GroupCommit ? "store only, PostgreSQL, group commit" + label : "store only, PostgreSQL, one commit per append",
                    superuser ? server.ConnectionString : await ApplicationRoleAsync(server, cancellationToken),
                    storeOptions,
                    options.Caseload,
                    audited: scenario == "store-pg-audited",
                    ownerConnectionString: server.ConnectionString);
            case "audit-pg":
            case "audit-pg-single":
                var auditGroupCommit = scenario == "audit-pg";
                return new AuditScenario(
                    auditGroupCommit ? "audit log only, PostgreSQL, group commit" : "audit log only, PostgreSQL, one commit per append",
                    server.ConnectionString,
                    new PostgresStorageOptions { Schema = PostgresServer.UniqueName("bench_audit"), GroupCommit = auditGroupCommit });
            case "grain-pg":
            case "grain-pg-single":
                var groupCommit = scenario == "grain-pg";
                var section = Section(PostgresSettings(groupCommit, writers));
                var application = await ApplicationRoleAsync(server, cancellationToken);
                return new GrainScenario(
                    groupCommit ? "grain API, PostgreSQL, group commit" + label : "grain API, PostgreSQL, one commit per append",
                    services => services.AddPostgresJourneyStore(application, section, server.ConnectionString),
                    services => CommitStatistics.Begin(services.GetRequiredService<PostgresJourneyStore>()),
                    caseload: options.Caseload);
            case "app-pg":
            case "app-pg-unaudited":
                var audited = scenario == "app-pg";
                var appSection = Section(PostgresSettings(true, writers));
                var appRole = await ApplicationRoleAsync(server, cancellationToken);
                return new GrainScenario(
                    audited ? "application core, PostgreSQL, audited" + label : "application core, PostgreSQL, auditing off" + label,
                    services =>
                    {
                        services.AddPostgresJourneyStore(appRole, appSection, server.ConnectionString);
                        if (!audited)
                        {
                            services.AddSingleton<SocialPrescribing.Storage.IAuditLog, NoAuditLog>();
                        }
                    },
                    services => CommitStatistics.Begin(services.GetRequiredService<PostgresJourneyStore>()),
                    application: true,
                    caseload: options.Caseload);
            case "grain-sqlite":
                var folder = Path.Combine(Path.GetTempPath(), "sp-bench-sqlite-" + Guid.NewGuid().ToString("N"));
                return new GrainScenario(
                    "grain API, SQLite",
                    services => services.AddSqliteJourneyStore(Section(new() { ["DataDirectory"] = folder })),
                    services => CommitStatistics.Begin(services.GetRequiredService<SqliteJourneyStore>()),
                    cleanup: () =>
                    {
                        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                        Directory.Delete(folder, recursive: true);
                    });
            case "http-sqlite":
                return new HttpScenario("HTTP API, SQLite", options.HostAssembly, []);
            case "probe-http-live-sqlite":
                return new HttpScenario("probe: the same host answering GET /health/live", options.HostAssembly, [], livenessOnly: true);
            case "http-pg":
                // As a deployment runs it: the host connects as a role row-level security binds (it refuses a superuser
                // outside Development) and migrates as the database's owner.
                var database = await server.CreateDatabaseAsync(PostgresServer.UniqueName("bench_http"), cancellationToken);
                var role = new Npgsql.NpgsqlConnectionStringBuilder(await ApplicationRoleAsync(server, cancellationToken));
                var asApplication = new Npgsql.NpgsqlConnectionStringBuilder(database) { Username = role.Username, Password = role.Password }.ConnectionString;
                var settings = new List<string>
                {
                    "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", asApplication, "--ConnectionStrings:PostgresOwner", database,
                };
                if (writers is { } httpWriters)
                {
                    settings.AddRange(["--Storage:GroupCommitWriters", httpWriters.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                }

                return new HttpScenario("HTTP API, PostgreSQL, group commit" + label, options.HostAssembly, settings);
            case "probe-orleans":
                return new ProbeScenario("probe: Orleans call, no work", server.ConnectionString, insert: false);
            case "probe-orleans-raw":
                return new ProbeScenario("probe: Orleans call around the raw INSERT + COMMIT", server.ConnectionString, insert: true);
            case "probe-grain-memory":
                return new GrainScenario("probe: grain API, storage that does nothing", services =>
                {
                    services.AddSingleton<MemoryJourneyStore>();
                    services.AddSingleton<SocialPrescribing.Storage.IJourneyStore>(sp => sp.GetRequiredService<MemoryJourneyStore>());
                    services.AddSingleton<SocialPrescribing.Storage.IEventFeed>(sp => sp.GetRequiredService<MemoryJourneyStore>());
                });
            case "probe-store-sql":
                return new StoreSqlScenario(server.ConnectionString);
            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario.");
        }
    }

    /// <summary>
    /// The role the PostgreSQL scenarios run the store as, as in production: row-level security binds it, so the
    /// policies are evaluated on every statement. The server's superuser is the owner that migrates and grants it rights.
    /// </summary>
    private static Task<string> ApplicationRoleAsync(PostgresServer server, CancellationToken cancellationToken) =>
        server.EnsureRestrictedRoleAsync("sp_bench_app", "sp-bench-app", cancellationToken);

    private static Dictionary<string, string?> PostgresSettings(bool groupCommit, int? writers)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Schema"] = PostgresServer.UniqueName("bench_grain"),
            ["GroupCommit"] = groupCommit ? "true" : "false",
        };
        if (writers is { } count)
        {
            settings["GroupCommitWriters"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => "Storage:" + s.Key, s => s.Value))
            .Build()
            .GetSection("Storage");
}
