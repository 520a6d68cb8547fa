using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Storage.Sqlite;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The read side at a program's scale (<c>read</c> mode; see docs/benchmarks.md): a data set loaded through the
/// application core (<see cref="DataSetGenerator"/>), then the real host started on it (once to bring its own schemas
/// and projections up to date, then again, timed, as a restart) and each read measured one request at a time beside the
/// plain SQL a hand-written implementation would run on the same tables.
/// </summary>
internal static class ReadBenchmark
{
    private const string Tenant = "ab";
    private const int PageSize = 50;
    private const int WarmUps = 5;
    private static readonly TimeSpan PointBudget = TimeSpan.FromSeconds(90);

    public static async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var options = ReadOptions.Parse(args);
        var tenants = new HostConfiguredTenants(options.HostAssembly);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Read side on {options.Engine}, {options.Journeys:N0} journeys, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC (`read {string.Join(' ', args)}`).").AppendLine();

        PostgresServer? server = null;
        var temporary = Path.Combine(Path.GetTempPath(), "sp-bench-read-" + Guid.NewGuid().ToString("N"));
        try
        {
            Action<IServiceCollection> addStore;
            List<string> settings;
            string dataDirectory;
            PlainSql sql;
            if (options.Engine == "postgres")
            {
                Console.WriteLine("Starting a throwaway PostgreSQL (or using SP_TEST_POSTGRES).");
                server = await PostgresServer.CreateAsync(cancellationToken);
                var name = options.Keep ?? PostgresServer.UniqueName("bench_read");
                var owner = await DatabaseAsync(server, name, cancellationToken);
                var role = new NpgsqlConnectionStringBuilder(await server.EnsureRestrictedRoleAsync("sp_bench_app", "sp-bench-app", cancellationToken));
                var application = new NpgsqlConnectionStringBuilder(owner) { Username = role.Username, Password = role.Password }.ConnectionString;
                // As a deployment runs it: the store migrated by the database's owner, used by a role row-level security binds.
                addStore = services => services.AddPostgresJourneyStore(application, Section(new()), owner);
                settings = ["--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", application, "--ConnectionStrings:PostgresOwner", owner];
                dataDirectory = temporary;
                sql = PlainSql.Postgres(owner);
                Console.WriteLine($"Database {name}.");
            }
            else
            {
                dataDirectory = options.Keep is { } keep ? Path.GetFullPath(keep) : temporary;
                Directory.CreateDirectory(dataDirectory);
                addStore = services => services.AddSqliteJourneyStore(Section(new() { ["DataDirectory"] = dataDirectory }));
                settings = [];
                sql = PlainSql.Sqlite(Path.Combine(dataDirectory, "journeys.db"));
                Console.WriteLine($"SQLite folder {dataDirectory}.");
            }

            await using (sql)
            {
                if (await JourneyCountAsync(sql, cancellationToken) is > 0 and var existing)
                {
                    var longOnes = Convert.ToInt32(await sql.ScalarAsync($"SELECT count(*) FROM {{T}}journeys WHERE tenant = '{Tenant}' AND version >= {DataSetGenerator.LongJourneyEvents}", cancellationToken), CultureInfo.InvariantCulture);
                    Console.WriteLine($"The data set is there already ({existing:N0} journeys, {longOnes} long).");
                    report.AppendLine(CultureInfo.InvariantCulture, $"Data set kept from an earlier run ({existing:N0} journeys).").AppendLine();
                    if (longOnes < DataSetGenerator.LongJourneys)
                    {
                        // A data set kept from before it had as many long journeys: only those are added.
                        var load = await new DataSetGenerator(tenants, addStore).RunAsync(0, DataSetGenerator.LongJourneys - longOnes, options.Parallel, token => WaitForFeedConsumersAsync(sql, token), cancellationToken);
                        report.AppendLine(load).AppendLine();
                    }
                }
                else
                {
                    Console.WriteLine($"Loading {options.Journeys:N0} journeys through the application core, {options.Parallel} at a time.");
                    var load = await new DataSetGenerator(tenants, addStore).RunAsync(options.Journeys, DataSetGenerator.LongJourneys, options.Parallel, token => WaitForFeedConsumersAsync(sql, token), cancellationToken);
                    report.AppendLine(load).AppendLine();
                }

                await using var host = new ReadHost(options.HostAssembly, dataDirectory, settings);
                await MeasureAsync(host, sql, options, dataDirectory, report, cancellationToken);
            }

            Console.WriteLine();
            Console.WriteLine(report);
            await File.WriteAllTextAsync(options.Output, report.ToString(), cancellationToken);
            Console.WriteLine($"Written to {options.Output}");
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }
        }
    }

    private static async Task MeasureAsync(ReadHost host, PlainSql sql, ReadOptions options, string dataDirectory, StringBuilder report, CancellationToken cancellationToken)
    {
        var facts = new StringBuilder();
        var journeys = await JourneyCountAsync(sql, cancellationToken);
        var events = Convert.ToInt64(await sql.ScalarAsync("SELECT count(*) FROM {T}journey_events", cancellationToken), CultureInfo.InvariantCulture);
        var openAlerts = Convert.ToInt64(await sql.ScalarAsync($"SELECT count(*) FROM {{T}}journeys WHERE tenant = '{Tenant}' AND open_safety_alerts > 0", cancellationToken), CultureInfo.InvariantCulture);
        var longJourneys = await sql.RowsAsync($"SELECT journey_id, version FROM {{T}}journeys WHERE tenant = '{Tenant}' ORDER BY version DESC, journey_id LIMIT {DataSetGenerator.LongJourneys}", cancellationToken);
        var longest = longJourneys[0];
        var longId = longest[0]!;
        var secondLong = longJourneys[Math.Min(1, longJourneys.Count - 1)];
        var shortest = (await sql.RowsAsync($"SELECT journey_id, version FROM {{T}}journeys WHERE tenant = '{Tenant}' ORDER BY version, journey_id LIMIT 1", cancellationToken)).Single();
        facts.AppendLine(CultureInfo.InvariantCulture, $"- data set: {journeys:N0} journeys, {events:N0} events, {openAlerts:N0} with an open safety alert; the longest journeys have {string.Join(", ", longJourneys.Select(r => r[1]))} events");

        Console.WriteLine("Starting the host on the data set (first start: its own schemas, then its projections catch up).");
        var first = await host.StartAsync(cancellationToken);
        Console.WriteLine($"  ready after {first.TotalSeconds:N1} s; waiting for the feed consumers to stand still");
        var caughtUp = await WaitForFeedConsumersAsync(sql, cancellationToken);
        facts.AppendLine(CultureInfo.InvariantCulture, $"- first start of the host on the data set (creating its other schemas): ready after {first.TotalSeconds:N1} s; its feed consumers caught up {caughtUp.TotalSeconds:N0} s later");

        // The long journey read once before the restart, as it would have been in use: a data set loaded by a build
        // before journeys kept snapshots gets its snapshot from this read (one loaded since has it already).
        using (var before = host.Client(Tenant, "sup-ab-1", AccessRoles.Supervisor))
        {
            foreach (var row in longJourneys)
            {
                using var read = await before.GetAsync($"journeys/{row[0]}", cancellationToken);
                facts.AppendLine(CultureInfo.InvariantCulture, $"- long journey {row[0]} read once before the restart: {(int)read.StatusCode}");
            }
        }

        await host.StopAsync();

        var restart = await host.StartAsync(cancellationToken);
        Console.WriteLine($"Restarted: ready after {restart.TotalSeconds:N2} s.");
        facts.AppendLine(CultureInfo.InvariantCulture, $"- **restart: the host answered `/health/ready` {restart.TotalMilliseconds:N0} ms after its process started**");

        using var supervisor = host.Client(Tenant, "sup-ab-1", AccessRoles.Supervisor);
        using var manager = host.Client(Tenant, "pm-ab-1", AccessRoles.ProgramManager);
        using var linkWorker = host.Client(Tenant, DataSetGenerator.LinkWorker(7), AccessRoles.LinkWorker);

        var deepPage = Math.Max(1, journeys / PageSize / 2);
        var deepEngaged = Math.Max(1, deepPage / 4);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton")).DateTime);
        var longPath = $"journeys/{longId}";
        const string Columns = "journey_id, version, status, link_worker_id, client_name, referred_at, first_contact_due_at, first_contact_overdue, open_safety_alerts, first_contact_at, last_contact_at, next_follow_up_on, active_programs";
        string[] Page(string filter) =>
        [
            $"SELECT count(*) FROM {{T}}journeys WHERE tenant = @tenant{filter}",
            $"SELECT {Columns} FROM {{T}}journeys WHERE tenant = @tenant{filter} ORDER BY referred_at DESC, journey_id LIMIT {PageSize} OFFSET @offset",
        ];
        Dictionary<string, object> With(params (string Name, object Value)[] values)
        {
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal) { ["tenant"] = Tenant, ["offset"] = 0 };
            foreach (var (name, value) in values)
            {
                parameters[name] = value;
            }

            return parameters;
        }

        // A page deep in the list read by position (`after`): the host's `next` from the numbered page before it (a host
        // without positions gives none, and the point is left out), and that page's last row for the plain SQL.
        async Task<ReadPoint?> ByPositionAsync(string name, long pageNumber, string filterQuery, string filterSql, params (string Name, object Value)[] values)
        {
            using var before = await supervisor.GetAsync($"journeys?pageSize={PageSize}&page={pageNumber - 1}{filterQuery}", cancellationToken);
            using var answer = JsonDocument.Parse(await before.Content.ReadAsStringAsync(cancellationToken));
            if (!answer.RootElement.TryGetProperty("next", out var next) || next.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var last = (await sql.RowsAsync(
                $"SELECT referred_at, journey_id FROM {{T}}journeys WHERE tenant = '{Tenant}'{filterSql.Replace("@status", "'engaged'", StringComparison.Ordinal)} ORDER BY referred_at DESC, journey_id LIMIT 1 OFFSET {((pageNumber - 1) * PageSize) - 1}",
                cancellationToken)).Single();
            return new(
                name,
                "p99 ≤ 20 ms",
                supervisor,
                $"journeys?pageSize={PageSize}&after={next.GetString()}{filterQuery}",
                [$"SELECT {Columns} FROM {{T}}journeys WHERE tenant = @tenant{filterSql} AND referred_at <= @at AND (referred_at < @at OR journey_id > @id) ORDER BY referred_at DESC, journey_id LIMIT {PageSize}"],
                With([("at", last[0]!), ("id", last[1]!), .. values]));
        }

        var deepByPosition = await ByPositionAsync($"caseload page {deepPage} by position (`after`), no filter", deepPage, string.Empty, string.Empty);
        var deepEngagedByPosition = await ByPositionAsync(
            $"caseload `status=engaged` page {deepEngaged} by position (`after`)", deepEngaged, "&status=engaged", " AND status = @status", ("status", "engaged"));

        ReadPoint Outcomes(string name, DateOnly from) => new(
            name,
            "≤ 200 ms",
            manager,
            $"reports/outcomes?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
            // The digests of the journeys that can hold an assessment in the period: referred before it ended, changed since it began.
            [$"SELECT journey_id, assessment_digest FROM {{T}}journeys WHERE tenant = @tenant AND assessment_digest IS NOT NULL AND referred_at <= @to AND updated_at >= @from"],
            With(("from", Instant(from)), ("to", Instant(today.AddDays(1)))));

        var journeyEvents = new[] { "SELECT version, event_type, data, command_id, actor, occurred_at FROM {T}journey_events WHERE tenant = @tenant AND journey_id = @journey ORDER BY version" };
        var points = new List<ReadPoint?>
        {
            // The first journey read after the restart compiles and loads the endpoint's code; a short journey pays that first.
            new($"a journey of {shortest[1]} event(s), first read after the restart (cold process and grain)", "–", supervisor, $"journeys/{shortest[0]}", journeyEvents, With(("journey", shortest[0]!)), Once: true),
            new($"journey of {longest[1]} events, first read after the restart (cold grain)", "≤ 15 ms", supervisor, longPath, journeyEvents, With(("journey", longId)), Once: true),
            new("open safety alerts, `GET /safety-alerts?page=1&pageSize=50` (first = cold grains)", "≤ 50 ms, paged", supervisor, "safety-alerts?page=1&pageSize=50",
            [
                "SELECT count(*) FROM {T}journeys WHERE tenant = @tenant AND open_safety_alerts > 0",
                "SELECT p.journey_id, p.client_name, p.link_worker_id, p.status, e.data, e.occurred_at FROM (SELECT tenant, journey_id, client_name, link_worker_id, status, referred_at FROM {T}journeys WHERE tenant = @tenant AND open_safety_alerts > 0 ORDER BY referred_at LIMIT 50) p JOIN {T}journey_events e ON e.tenant = p.tenant AND e.journey_id = p.journey_id WHERE e.event_type = 'SafetyAlertRaised' ORDER BY e.occurred_at",
            ], With()),
            new("caseload page 1, no filter", "p99 ≤ 20 ms", supervisor, $"journeys?pageSize={PageSize}", Page(string.Empty), With()),
            new($"caseload page {deepPage}, no filter (deep)", "p99 ≤ 20 ms", supervisor, $"journeys?pageSize={PageSize}&page={deepPage}", Page(string.Empty), With(("offset", (deepPage - 1) * PageSize))),
            new("caseload `status=engaged` page 1", "p99 ≤ 20 ms", supervisor, $"journeys?status=engaged&pageSize={PageSize}", Page(" AND status = @status"), With(("status", "engaged"))),
            new($"caseload `status=engaged` page {deepEngaged} (deep)", "p99 ≤ 20 ms", supervisor, $"journeys?status=engaged&pageSize={PageSize}&page={deepEngaged}", Page(" AND status = @status"), With(("status", "engaged"), ("offset", (deepEngaged - 1) * PageSize))),
            deepByPosition,
            deepEngagedByPosition,
            new("caseload `linkWorker=lw-07` page 1 (supervisor)", "p99 ≤ 20 ms", supervisor, $"journeys?linkWorker=lw-07&pageSize={PageSize}", Page(" AND link_worker_id = @worker"), With(("worker", "lw-07"))),
            new("caseload of link worker lw-07, their own token", "p99 ≤ 20 ms", linkWorker, $"journeys?pageSize={PageSize}", Page(" AND link_worker_id = @worker"), With(("worker", "lw-07"))),
            new("caseload `safetyAlert=open` page 1", "p99 ≤ 20 ms", supervisor, $"journeys?safetyAlert=open&pageSize={PageSize}", Page(" AND open_safety_alerts > 0"), With()),
            Outcomes("outcomes report, one year", today.AddYears(-1).AddDays(1)),
            Outcomes("outcomes report, one week", today.AddDays(-6)),
            new($"journey of {longest[1]} events, warm", "≤ 15 ms (first read)", supervisor, longPath, journeyEvents, With(("journey", longId))),
            // Only the grain cold: the process has served every read above. The first such read is the process's first
            // restored from a snapshot (it compiles that path); the next is as a host that has been running restores one.
            new($"a second journey of {secondLong[1]} events, first read (cold grain; the process's first of its kind)", "–", supervisor, $"journeys/{secondLong[0]}", journeyEvents, With(("journey", secondLong[0]!)), Once: true),
        };

        // Each of the others read once: the samples of one row.
        points.AddRange(longJourneys.Skip(2).Select(row => new ReadPoint(
            $"{longJourneys.Count - 2} other journeys of {row[1]} events, each read once (cold grain, warm process)", "≤ 15 ms", supervisor, $"journeys/{row[0]}", journeyEvents, With(("journey", row[0]!)), Once: true)));

        // Ordinary journeys read once each the same way: what a cold grain costs through the host whatever its length.
        var ordinary = await sql.RowsAsync(
            $"SELECT journey_id, version FROM {{T}}journeys WHERE tenant = '{Tenant}' AND version BETWEEN 8 AND 12 ORDER BY journey_id LIMIT 10 OFFSET {journeys / 3}", cancellationToken);
        points.AddRange(ordinary.Select(row => new ReadPoint(
            $"{ordinary.Count} journeys of 8–12 events, each read once (cold grain, warm process)", "–", supervisor, $"journeys/{row[0]}", journeyEvents, With(("journey", row[0]!)), Once: true)));

        var measured = new List<ReadMeasurement>();
        facts.AppendLine(CultureInfo.InvariantCulture, $"- machine when the reads began: {MachineLoad.Describe()}");
        foreach (var point in points.OfType<ReadPoint>())
        {
            var result = await MeasureAsync(point, sql, options.Samples, cancellationToken);
            Console.WriteLine(result.Row());
            if (point.Once && measured.Count > 0 && measured[^1].Point.Name == point.Name)
            {
                // One read each of several journeys: the samples of one row.
                var earlier = measured[^1];
                result = earlier with { Host = [.. earlier.Host, .. result.Host], Sql = [.. earlier.Sql, .. result.Sql], Errors = earlier.Errors + result.Errors };
                measured[^1] = result;
                continue;
            }

            measured.Add(result);
        }

        facts.AppendLine(CultureInfo.InvariantCulture, $"- machine when they ended: {MachineLoad.Describe()}");
        facts.AppendLine(CultureInfo.InvariantCulture, $"- host resident set size after the reads: {host.ResidentBytes() / 1048576.0:N0} MiB");
        await host.StopAsync();
        await StorageFactsAsync(sql, options, dataDirectory, facts, cancellationToken);

        report.AppendLine(ReadMeasurement.Header);
        foreach (var result in measured)
        {
            report.AppendLine(result.Row());
        }

        report.AppendLine().AppendLine(facts.ToString()).AppendLine("Plain SQL of each read:").AppendLine();
        foreach (var point in points.OfType<ReadPoint>().DistinctBy(p => string.Join(';', p.Statements)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {point.Name}: `{string.Join("; ", point.Statements.Select(sql.Text))}`");
        }
    }

    /// <summary>Warm-ups (the first one timed alone), then host and plain SQL in turns, which first alternating.</summary>
    private static async Task<ReadMeasurement> MeasureAsync(ReadPoint point, PlainSql sql, int samples, CancellationToken cancellationToken)
    {
        var (answer, errors) = (string.Empty, 0);
        async Task<double> HostAsync()
        {
            var clock = Stopwatch.StartNew();
            using var response = await point.Client.GetAsync(point.Path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                errors++;
                if (errors == 1)
                {
                    Console.WriteLine($"  GET {point.Path} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(400, body.Length)]}");
                    answer = $"{(int)response.StatusCode}";
                }
            }
            else if (answer.Length == 0)
            {
                answer = Describe(body);
            }

            return elapsed;
        }

        async Task<double> SqlAsync()
        {
            var clock = Stopwatch.StartNew();
            await sql.RunAsync(point.Statements, point.Parameters, cancellationToken);
            return clock.Elapsed.TotalMilliseconds;
        }

        var hostFirst = await HostAsync();
        var sqlFirst = await SqlAsync();
        if (point.Once)
        {
            return new ReadMeasurement(point, hostFirst, [hostFirst], sqlFirst, [sqlFirst], answer, errors);
        }

        for (var i = 1; i < WarmUps; i++)
        {
            await HostAsync();
            await SqlAsync();
        }

        var (host, plain) = (new List<double>(samples), new List<double>(samples));
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < samples && budget.Elapsed < PointBudget; i++)
        {
            if (i % 2 == 0)
            {
                host.Add(await HostAsync());
                plain.Add(await SqlAsync());
            }
            else
            {
                plain.Add(await SqlAsync());
                host.Add(await HostAsync());
            }
        }

        return new ReadMeasurement(point, hostFirst, host, sqlFirst, plain, answer, errors);
    }

    /// <summary>What the host answered, in a few words: the items and total of a page, a list's length, a timeline's, or the size.</summary>
    private static string Describe(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var size = string.Create(CultureInfo.InvariantCulture, $"{body.Length / 1024.0:N0} KiB");
        return root.ValueKind switch
        {
            JsonValueKind.Array => $"{root.GetArrayLength():N0} items (unpaged list), {size}",
            JsonValueKind.Object when root.TryGetProperty("items", out var items) && root.TryGetProperty("total", out var total) =>
                $"{items.GetArrayLength()} items of {total.GetInt64():N0}, {size}",
            JsonValueKind.Object when root.TryGetProperty("timeline", out var timeline) => $"timeline of {timeline.GetArrayLength():N0} events, {size}",
            _ => size,
        };
    }

    /// <summary>Waits until no feed consumer's checkpoint has moved for 10 s (at most 30 minutes); returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForFeedConsumersAsync(PlainSql sql, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (last, still) = (string.Empty, Stopwatch.StartNew());
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            var rows = await sql.RowsAsync("SELECT consumer, position FROM {T}feed_checkpoints ORDER BY consumer", cancellationToken);
            var now = string.Join(", ", rows.Select(r => $"{r[0]} {r[1]}"));
            if (now != last)
            {
                (last, still) = (now, Stopwatch.StartNew());
                Console.WriteLine($"  checkpoints: {now}");
            }
            else if (still.Elapsed > TimeSpan.FromSeconds(10))
            {
                return clock.Elapsed - still.Elapsed;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        return clock.Elapsed;
    }

    private static async Task StorageFactsAsync(PlainSql sql, ReadOptions options, string dataDirectory, StringBuilder facts, CancellationToken cancellationToken)
    {
        if (options.Engine != "postgres")
        {
            // Hangfire keeps its jobs in memory beside SQLite: nothing of it is on disk.
            var files = new DirectoryInfo(dataDirectory).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Length > 0).OrderByDescending(f => f.Length).ToList();
            facts.AppendLine(CultureInfo.InvariantCulture, $"- files in the data folder: {files.Sum(f => f.Length) / 1048576.0:N0} MiB ({string.Join(", ", files.Take(4).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Length / 1048576.0:N1} MiB")))}); Hangfire's jobs are in memory on SQLite");
            return;
        }

        var jobs = await sql.RowsAsync(
            "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables WHERE schemaname = 'hangfire' ORDER BY relname", cancellationToken);
        var jobRows = await sql.ScalarAsync("SELECT count(*) FROM hangfire.job", cancellationToken);
        facts.AppendLine(CultureInfo.InvariantCulture, $"- Hangfire (PostgreSQL schema `hangfire`): {jobRows} job rows; {jobs.Sum(r => Convert.ToInt64(r[2], CultureInfo.InvariantCulture)) / 1024.0:N0} KiB in {jobs.Count} tables ({string.Join(", ", jobs.Where(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) > 0).Select(r => $"{r[0]} {r[1]} rows"))})");
        var database = Convert.ToInt64(await sql.ScalarAsync("SELECT pg_database_size(current_database())", cancellationToken), CultureInfo.InvariantCulture);
        var tables = await sql.RowsAsync(
            "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables WHERE schemaname = 'social_prescribing' ORDER BY 3 DESC LIMIT 4", cancellationToken);
        facts.AppendLine(CultureInfo.InvariantCulture, $"- database size {database / 1048576.0:N0} MiB; largest tables: {string.Join(", ", tables.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r[0]} {Convert.ToInt64(r[2], CultureInfo.InvariantCulture) / 1048576.0:N0} MiB ({Convert.ToInt64(r[1], CultureInfo.InvariantCulture):N0} rows)")))}");
    }

    private static async Task<long> JourneyCountAsync(PlainSql sql, CancellationToken cancellationToken)
    {
        try
        {
            return Convert.ToInt64(await sql.ScalarAsync($"SELECT count(*) FROM {{T}}journeys WHERE tenant = '{Tenant}'", cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is PostgresException or Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }

    /// <summary>The database named <paramref name="name"/> on the server, created when it does not exist, as its owner.</summary>
    private static async Task<string> DatabaseAsync(PostgresServer server, string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        return await exists.ExecuteScalarAsync(cancellationToken) is null
            ? await server.CreateDatabaseAsync(name, cancellationToken)
            : new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The instant a day of the program's calendar (America/Edmonton) starts.</summary>
    private static DateTimeOffset Instant(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("America/Edmonton").GetUtcOffset(local)).ToUniversalTime();
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => "Storage:" + s.Key, s => s.Value))
            .Build()
            .GetSection("Storage");
}
