using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.Application.CommunityDirectory.Matching;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;
using SocialPrescribing.Storage.Postgres;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// The community directory on PostgreSQL at a province's scale (<c>directory</c> mode; see docs/benchmarks.md):
/// importing N services with their locations, schedules and taxonomy terms through the store, against a raw binary
/// COPY of the same rows in the same run; then searches and matches, one after the other and interleaved with the
/// plain SQL a hand-written implementation would run for the same question, each with its latency.
/// </summary>
internal static class DirectoryBenchmark
{
    private static readonly TenantId Tenant = TenantId.Parse("ab");

    private static readonly string[] Activities =
    [
        "walking", "gardening", "painting", "choir", "yoga", "knitting", "cooking", "reading", "chess", "swimming", "dance", "pottery",
        "theatre", "music", "volunteering", "cycling", "fishing", "birdwatching", "photography", "woodworking", "tai chi", "bingo",
        "cards", "quilting", "drumming", "meditation", "hiking", "bowling", "curling", "pickleball", "jardinage", "marche", "chorale",
        "lecture", "cuisine", "peinture", "danse", "musique", "bénévolat", "théâtre",
    ];

    private static readonly string[] Groups =
    [
        "community", "seniors", "youth", "family", "women", "men", "newcomer", "indigenous", "francophone", "drop-in", "weekly",
        "outdoor", "indoor", "peer", "support", "social", "friendship", "wellness", "caregiver", "neighbourhood",
    ];

    private static readonly string[] Filler =
    [
        "meets", "together", "friendly", "welcome", "everyone", "skills", "learn", "share", "coffee", "snacks", "library", "hall", "park",
        "centre", "church", "school", "evening", "morning", "afternoon", "beginners", "all", "levels", "free", "bring", "friend", "space",
        "group", "circle", "club", "session", "program", "activities", "local", "volunteers", "staff", "trained", "safe", "accessible",
    ];

    private static readonly (double Latitude, double Longitude)[] Cities =
        [(53.5444, -113.4909), (51.0447, -114.0719), (52.2681, -113.8112), (49.6935, -112.8418), (55.1707, -118.7947)];

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static async Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var services = 100_000;
        var queries = 1_000;
        var output = Path.Combine(Path.GetTempPath(), "directory-benchmark.md");
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--services": services = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--queries": queries = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--output": output = Path.GetFullPath(args[i + 1]); break;
                default: throw new ArgumentException($"Unknown option {args[i]}: directory [--services N] [--queries N] [--output file]");
            }
        }

        Console.WriteLine($"Starting a throwaway PostgreSQL; {Environment.ProcessorCount} cores; {services:N0} services, {queries:N0} queries of each kind.");
        await using var server = await PostgresServer.CreateAsync(cancellationToken);
        var application = await server.EnsureRestrictedRoleAsync("sp_bench_app", "sp-bench-app", cancellationToken);
        await using var dataSource = new NpgsqlDataSourceBuilder(application) { ConnectionStringBuilder = { NoResetOnClose = true } }.Build();
        await using var owner = NpgsqlDataSource.Create(server.ConnectionString);
        var storeOptions = new PostgresStorageOptions { Schema = PostgresServer.UniqueName("bench_dir") };
        await using var store = new PostgresJourneyStore(dataSource, Options.Create(storeOptions), TimeProvider.System, NullLogger<PostgresJourneyStore>.Instance, ownerDataSource: owner);
        await store.MigrateAsync(cancellationToken);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Directory on PostgreSQL, {services:N0} services, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}.").AppendLine();

        // The services as an import reads them: HSDS documents checked, their facts and nested records taken.
        var random = new Random(20261205);
        var generate = Stopwatch.StartNew();
        var documents = Enumerable.Range(0, services).Select(_ => Document(random)).ToList();
        var (rows, related) = Records(documents);
        Console.WriteLine($"Generated and read {services:N0} HSDS services in {generate.Elapsed.TotalSeconds:N1} s ({rows.Sum(r => r.Locations.Count):N0} locations, {rows.Sum(r => r.TaxonomyTermIds.Count):N0} term links).");

        var raw = await RawCopyAsync(owner, rows, indexed: false, cancellationToken);
        var rawIndexed = await RawCopyAsync(owner, rows, indexed: true, cancellationToken);
        var import = Stopwatch.StartNew();
        foreach (var batch in rows.Chunk(10_000))
        {
            await store.UpsertAsync(Tenant, batch, related, DateTimeOffset.UtcNow, cancellationToken);
        }

        import.Stop();
        var storeRate = services / import.Elapsed.TotalSeconds;
        var rawRate = services / raw.TotalSeconds;
        report.AppendLine("| import of the services, their locations and term links | services/s | time | vs raw COPY |").AppendLine("|---|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| raw binary COPY into plain tables (primary keys only) | {rawRate:N0} | {raw.TotalSeconds:N1} s | 1.00 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| raw binary COPY into tables with the store's indexes (full text, name, point), no row-level security | {services / rawIndexed.TotalSeconds:N0} | {rawIndexed.TotalSeconds:N1} s | {raw.TotalSeconds / rawIndexed.TotalSeconds:N2} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| the store's upsert (COPY, merge by id, search words and indexes, row-level security), batches of 10,000 | {storeRate:N0} | {import.Elapsed.TotalSeconds:N1} s | {storeRate / rawRate:N2} |");
        report.AppendLine();
        Console.WriteLine($"Imported: raw COPY {rawRate:N0}/s, store {storeRate:N0}/s ({storeRate / rawRate:N2}×).");

        // The hand-written search's own index: the full-text index on the services table, where a hand-written directory
        // keeps its words (the store keeps them in a narrow table of their own since migration 19). Built after the import,
        // so the import's figure is the store's alone.
        await using (var index = owner.CreateCommand($"CREATE INDEX plain_services_search ON {storeOptions.Schema}.directory_services USING gin (search_vector)"))
        {
            await index.ExecuteNonQueryAsync(cancellationToken);
        }

        // As autovacuum leaves a directory after a bulk load: statistics gathered, pages marked all-visible.
        foreach (var table in new[] { "directory_services", "directory_service_search", "directory_service_locations", "directory_service_terms", "directory_records" })
        {
            await using var vacuum = owner.CreateCommand($"VACUUM (ANALYZE) {storeOptions.Schema}.{table}");
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        // Searches: one or two words (an activity, sometimes a group), a page of 50 with the total.
        var searches = Enumerable.Range(0, queries).Select(_ => random.Next(3) == 0 ? $"{Pick(random, Groups)} {Pick(random, Activities)}" : Pick(random, Activities)).ToList();
        var (searchStore, searchSql) = await InterleaveAsync(
            searches,
            search => store.ListServicesAsync(Tenant, new DirectoryServiceQuery(Search: search), cancellationToken),
            search => PlainSearchAsync(owner, storeOptions.Schema, search, cancellationToken),
            cancellationToken);

        // The same searches again, each kind in a block of its own: what a search costs when nothing else reads the
        // directory between two searches (the interleaved hand-written query reads the services table's pages through
        // the same shared buffers).
        var searchStoreAlone = await AloneAsync(searches, search => store.ListServicesAsync(Tenant, new DirectoryServiceQuery(Search: search), cancellationToken), cancellationToken);
        var searchSqlAlone = await AloneAsync(searches, search => PlainSearchAsync(owner, storeOptions.Schema, search, cancellationToken), cancellationToken);

        // Matches: a person with two interests, starting near one of the cities, travelling 10 km, with a barrier or two.
        var people = Enumerable.Range(0, queries).Select(_ => Person(random)).ToList();
        var (matchStore, matchSql) = await InterleaveAsync(
            people,
            person => MatchAsync(store, person, cancellationToken),
            person => PlainCandidatesAsync(owner, storeOptions.Schema, person, cancellationToken),
            cancellationToken);

        report.AppendLine("| read, one at a time | p50 ms | p99 ms | mean ms |").AppendLine("|---|---:|---:|---:|");
        report.AppendLine(Row("search through the store (its narrow search table, row-level security, page of 50 and total)", searchStore));
        report.AppendLine(Row("search, plain SQL (count and page on the services table by its own full-text index, as the owner)", searchSql));
        report.AppendLine(Row("search through the store, alone (a block of its own, after the interleaved runs)", searchStoreAlone));
        report.AppendLine(Row("search, plain SQL, alone (a block of its own, after the store's)", searchSqlAlone));
        report.AppendLine(Row("match through the store and the ranking (candidates, facts, factors)", matchStore));
        report.AppendLine(Row("match candidates, plain SQL (the same union, rows only, no ranking)", matchSql));
        Console.WriteLine();
        Console.WriteLine(report);
        await File.WriteAllTextAsync(output, report.ToString(), cancellationToken);
        Console.WriteLine($"Written to {output}");
    }

    private static string Row(string name, List<double> milliseconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {At(0.5):N2} | {At(0.99):N2} | {milliseconds.Average():N2} |");
    }

    /// <summary>Each question asked of both, in turns (which first alternates), after a warm-up of 50 each.</summary>
    private static async Task<(List<double> First, List<double> Second)> InterleaveAsync<T>(
        IReadOnlyList<T> questions, Func<T, Task> first, Func<T, Task> second, CancellationToken cancellationToken)
    {
        foreach (var question in questions.Take(50))
        {
            await first(question);
            await second(question);
        }

        var (a, b) = (new List<double>(questions.Count), new List<double>(questions.Count));
        for (var i = 0; i < questions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (run, into) in i % 2 == 0 ? new[] { (first, a), (second, b) } : [(second, b), (first, a)])
            {
                var watch = Stopwatch.StartNew();
                await run(questions[i]);
                into.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (a, b);
    }

    /// <summary>Each question asked in turn, with nothing else between, after a warm-up of 50.</summary>
    private static async Task<List<double>> AloneAsync(List<string> questions, Func<string, Task> run, CancellationToken cancellationToken)
    {
        foreach (var question in questions.Take(50))
        {
            await run(question);
        }

        var times = new List<double>(questions.Count);
        foreach (var question in questions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            await run(question);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task MatchAsync(PostgresJourneyStore store, MatchProfile person, CancellationToken cancellationToken)
    {
        var words = person.Interests.SelectMany(MatchWords.Stems).Distinct(StringComparer.Ordinal).ToList();
        var near = new DirectoryArea(person.Origin!.Latitude, person.Origin.Longitude, person.MaxTravelMeters);
        var candidates = await store.FindCandidatesAsync(Tenant, new DirectoryCandidateQuery(person.AgeYears, words, near), cancellationToken);
        var ranked = ProgramMatcher.Rank(person, candidates.Select(c => (c, DirectoryServiceFacts.Of(c.Id, c.Document))), MatchingSettings.Default, 10);
        if (candidates.Count > 0 && ranked.Count == 0)
        {
            throw new InvalidOperationException("Candidates but no ranking.");
        }
    }

    /// <summary>What a hand-written search runs: the count and the page on the services table by its full-text index, as the table's owner.</summary>
    private static async Task PlainSearchAsync(NpgsqlDataSource owner, string schema, string search, CancellationToken cancellationToken)
    {
        var words = string.Join(" & ", DirectorySearchText.Words(search).Select(w => w + ":*"));
        await using var batch = owner.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT count(*) FROM {schema}.directory_services WHERE tenant = $1 AND search_vector @@ to_tsquery('simple', $2)")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = "ab" }, new NpgsqlParameter<string> { TypedValue = words } },
        });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT id, name, document FROM {schema}.directory_services WHERE tenant = $1 AND search_vector @@ to_tsquery('simple', $2) ORDER BY lower(name), id LIMIT 50")
        {
            Parameters = { new NpgsqlParameter<string> { TypedValue = "ab" }, new NpgsqlParameter<string> { TypedValue = words } },
        });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
            }
        }
        while (await reader.NextResultAsync(cancellationToken));
    }

    /// <summary>
    /// What a hand-written match would fetch before ranking, as the table's owner: the same three sources (nearest within
    /// reach; nearest within three times the reach holding the words; holding the words with no place), rows only.
    /// </summary>
    private static async Task PlainCandidatesAsync(NpgsqlDataSource owner, string schema, MatchProfile person, CancellationToken cancellationToken)
    {
        var words = string.Join(" | ", person.Interests.SelectMany(MatchWords.Stems).Distinct(StringComparer.Ordinal).Select(w => w + ":*"));
        var origin = person.Origin!;
        const string Distance = "2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(l.latitude - $4) / 2), 2) + cos(radians($4)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - $5) / 2), 2))))";
        const string Eligible = "s.tenant = $1 AND s.status = 'active' AND (s.minimum_age IS NULL OR s.minimum_age <= $2) AND (s.maximum_age IS NULL OR s.maximum_age >= $2)";
        string Nearest(string box, string meters, string extra) => $"""
            (SELECT l.service_id FROM {schema}.directory_service_locations AS l JOIN {schema}.directory_services AS s ON s.tenant = l.tenant AND s.id = l.service_id
             WHERE l.tenant = $1 AND {Eligible} AND l.latitude IS NOT NULL AND point(l.longitude * cos(radians(l.latitude)), l.latitude) <@ {box} AND {Distance} <= {meters}{extra}
             GROUP BY l.service_id ORDER BY min({Distance}), l.service_id LIMIT 200)
            """;
        await using var command = owner.CreateCommand($"""
            SELECT s.id, s.name, s.document FROM {schema}.directory_services AS s WHERE s.tenant = $1 AND s.id IN (
                {Nearest("$6", "$8", string.Empty)}
                UNION {Nearest("$7", "$9", " AND s.search_vector @@ to_tsquery('simple', $3)")}
                UNION (SELECT s.id FROM {schema}.directory_services AS s WHERE {Eligible} AND NOT s.located AND s.search_vector @@ to_tsquery('simple', $3) ORDER BY s.id LIMIT 200))
            """);
        var near = new DirectoryArea(origin.Latitude, origin.Longitude, person.MaxTravelMeters);
        var far = near with { Meters = near.Meters * DirectoryCandidateQuery.WordsReach };
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "ab" });
        command.Parameters.Add(new NpgsqlParameter<decimal> { TypedValue = person.AgeYears ?? 50 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = words });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = origin.Latitude });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = origin.Longitude });
        command.Parameters.Add(new NpgsqlParameter<NpgsqlBox> { TypedValue = Box(near) });
        command.Parameters.Add(new NpgsqlParameter<NpgsqlBox> { TypedValue = Box(far) });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = near.Meters });
        command.Parameters.Add(new NpgsqlParameter<double> { TypedValue = far.Meters });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
        }

        static NpgsqlBox Box(DirectoryArea area)
        {
            var (south, north) = area.LatitudeBand;
            var (west, east) = area.LongitudeBand!.Value;
            var xs = new[] { (west, south), (west, north), (east, south), (east, north) }.Select(c => c.Item1 * Math.Cos(c.Item2 * Math.PI / 180)).ToList();
            return new NpgsqlBox(new NpgsqlPoint(xs.Max(), north), new NpgsqlPoint(xs.Min(), south));
        }
    }

    /// <summary>The rows of the services as an import gives them to the store, and the terms and taxonomy they nest, each once.</summary>
    private static (List<DirectoryServiceRecord> Rows, List<DirectoryRecord> Related) Records(List<string> documents)
    {
        var rows = new List<DirectoryServiceRecord>(documents.Count);
        var related = new Dictionary<(string, Guid), DirectoryRecord>();
        foreach (var text in documents)
        {
            using var document = JsonDocument.Parse(text);
            var facts = DirectoryServiceFacts.Of(Guid.Parse(document.RootElement.GetProperty("id").GetString()!), text);
            rows.Add(DirectoryUseCases.Record(facts, text));
            foreach (var record in facts.Records.Where(r => r.Table != HsdsRecord.Organization))
            {
                related[(record.Table, record.Id)] = DirectoryUseCases.Record(record);
            }
        }

        return (rows, [.. related.Values]);
    }

    /// <summary>
    /// A raw binary COPY of the same service, location and term rows into tables with primary keys only, or with the
    /// store's secondary indexes too (<paramref name="indexed"/>: a generated full-text column and its GIN index, the
    /// name, the point of each location, the term of each link).
    /// </summary>
    private static async Task<TimeSpan> RawCopyAsync(NpgsqlDataSource owner, List<DirectoryServiceRecord> rows, bool indexed, CancellationToken cancellationToken)
    {
        await using (var create = owner.CreateCommand("""
            DROP SCHEMA IF EXISTS raw_directory CASCADE; CREATE SCHEMA raw_directory;
            CREATE TABLE raw_directory.services (tenant text, id uuid, organization_id uuid, name text, status text, minimum_age numeric, maximum_age numeric,
                cost text, assured_date date, last_modified timestamptz, search_text text, document text, updated_at timestamptz, PRIMARY KEY (tenant, id));
            CREATE TABLE raw_directory.locations (tenant text, service_id uuid, id uuid, location_id uuid, latitude float8, longitude float8, postal_code text,
                PRIMARY KEY (tenant, service_id, id));
            CREATE TABLE raw_directory.terms (tenant text, service_id uuid, term_id uuid, PRIMARY KEY (tenant, service_id, term_id));
            """ + (indexed ? """
            ALTER TABLE raw_directory.services ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;
            CREATE INDEX ON raw_directory.services USING gin (search_vector);
            CREATE INDEX ON raw_directory.services (tenant, lower(name), id);
            CREATE INDEX ON raw_directory.locations USING gist (point(longitude * cos(radians(latitude)), latitude)) WHERE latitude IS NOT NULL;
            CREATE INDEX ON raw_directory.terms (tenant, term_id, service_id);
            """ : string.Empty)))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var watch = Stopwatch.StartNew();
        await using var connection = await owner.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY raw_directory.services (tenant, id, organization_id, name, status, minimum_age, maximum_age, cost, assured_date, last_modified, search_text, document, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var s in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync("ab", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
                await Nullable(copy, s.OrganizationId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(s.Name, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(s.Status, NpgsqlDbType.Text, cancellationToken);
                await Nullable(copy, s.MinimumAge, NpgsqlDbType.Numeric, cancellationToken);
                await Nullable(copy, s.MaximumAge, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(s.Cost, NpgsqlDbType.Text, cancellationToken);
                await Nullable(copy, s.AssuredDate, NpgsqlDbType.Date, cancellationToken);
                await Nullable(copy, s.LastModified?.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(s.SearchText, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(s.Document, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY raw_directory.locations FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var s in rows)
            {
                foreach (var l in s.Locations)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync("ab", NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(l.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await Nullable(copy, l.LocationId, NpgsqlDbType.Uuid, cancellationToken);
                    await Nullable(copy, l.Latitude, NpgsqlDbType.Double, cancellationToken);
                    await Nullable(copy, l.Longitude, NpgsqlDbType.Double, cancellationToken);
                    await copy.WriteAsync(l.PostalCode ?? string.Empty, NpgsqlDbType.Text, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("COPY raw_directory.terms FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var s in rows)
            {
                foreach (var term in s.TaxonomyTermIds)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync("ab", NpgsqlDbType.Text, cancellationToken);
                    await copy.WriteAsync(s.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(term, NpgsqlDbType.Uuid, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return watch.Elapsed;
    }

    private static async Task Nullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct
    {
        if (value is { } present)
        {
            await copy.WriteAsync(present, type, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private static readonly Guid Taxonomy = Guid.Parse("0193c0de-0000-7000-8000-000000000001");

    /// <summary>One synthetic HSDS service: an activity for a group, near one of Alberta's cities, with a schedule, a cost, a language and two taxonomy terms.</summary>
    private static string Document(Random random)
    {
        var activity = Pick(random, Activities);
        var group = Pick(random, Groups);
        var city = Cities[random.Next(Cities.Length)];
        var (latitude, longitude) = (city.Latitude + (Gaussian(random) * 0.15), city.Longitude + (Gaussian(random) * 0.25));
        var description = string.Join(' ', Enumerable.Range(0, 14).Select(_ => random.Next(4) == 0 ? Pick(random, Activities) : Pick(random, Filler)));
        var day = Days[random.Next(Days.Length)];
        var opens = 9 + random.Next(10);
        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = $"{CultureInfo.InvariantCulture.TextInfo.ToTitleCase(group)} {activity} {random.Next(1000)}",
            ["status"] = random.Next(20) == 0 ? "inactive" : "active",
            ["description"] = description,
            ["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = random.Next(5) == 0 ? "fr" : "en" }),
            ["cost_options"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["amount"] = random.Next(3) == 0 ? random.Next(5, 40) : 0 }),
            ["schedules"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = day,
                ["opens_at"] = $"{opens:D2}:00", ["closes_at"] = $"{opens + 2:D2}:00",
            }),
            ["attributes"] = new JsonArray(
                [.. new[] { activity, group }.Select(term => (JsonNode)new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["taxonomy_term"] = new JsonObject
                    {
                        ["id"] = TermId(term).ToString(), ["name"] = term, ["description"] = term, ["taxonomy_id"] = Taxonomy.ToString(),
                    },
                })]),
            ["service_at_locations"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["location"] = new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["location_type"] = "physical",
                    ["latitude"] = Math.Round(latitude, 5),
                    ["longitude"] = Math.Round(longitude, 5),
                },
            }),
        };
        if (group == "youth")
        {
            service["minimum_age"] = 12;
            service["maximum_age"] = 24;
        }
        else if (group == "seniors")
        {
            service["minimum_age"] = 55;
        }

        return service.ToJsonString();
    }

    private static MatchProfile Person(Random random)
    {
        var city = Cities[random.Next(Cities.Length)];
        AccessBarrier[] barriers = random.Next(2) == 0 ? [AccessBarrier.Cost] : [AccessBarrier.Transport, AccessBarrier.Mobility];
        return new MatchProfile(
            20 + random.Next(70),
            [Pick(random, Activities), Pick(random, Activities)],
            ["Meeting new people"],
            ["en"],
            barriers,
            [new AvailabilityWindow((Weekday)random.Next(7), new TimeOnly(9, 0), new TimeOnly(17, 0))],
            new MatchOrigin(city.Latitude + (Gaussian(random) * 0.05), city.Longitude + (Gaussian(random) * 0.08), "home"),
            10_000,
            []);
    }

    private static Guid TermId(string term) => new(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("term:" + term)).AsSpan(0, 16));

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
