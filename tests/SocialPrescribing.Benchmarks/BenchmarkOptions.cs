using System.Globalization;
using System.Reflection;

namespace SocialPrescribing.Benchmarks;

/// <summary>The command line: <c>--duration 10 --warmup 2 --concurrency 1,16,64 --scenarios raw,grain-pg,… --writers 1,2,4 --rounds 5 --calm 5 --output file.md</c>.</summary>
internal sealed record BenchmarkOptions(
    TimeSpan Warmup,
    TimeSpan Duration,
    IReadOnlyList<int> Concurrency,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<int> Writers,
    string Output,
    string HostAssembly,
    int Rounds,
    double? CalmBelow,
    TimeSpan? Interleave = null,
    int Caseload = BenchmarkOptions.DefaultCaseload)
{
    /// <summary>Journeys in each of two tenants before a PostgreSQL scenario is measured, as on a program's real table.</summary>
    public const int DefaultCaseload = 10_000;

    /// <summary>Every scenario, in the order they run.</summary>
    public static readonly IReadOnlyList<string> AllScenarios =
        ["raw", "store-pg", "store-pg-superuser", "store-pg-single", "store-pg-audited", "audit-pg", "audit-pg-single", "grain-pg", "grain-pg-single", "app-pg", "app-pg-unaudited", "grain-sqlite", "http-sqlite", "http-pg",
         "probe-orleans", "probe-orleans-raw", "probe-grain-memory", "probe-store-sql", "probe-http-live-sqlite"];

    public static readonly IReadOnlyList<string> DefaultScenarios =
        ["raw", "grain-pg", "grain-pg-single", "grain-sqlite", "http-sqlite", "http-pg"];

    public const string Usage = """
        Usage: dotnet run -c Release --project tests/SocialPrescribing.Benchmarks -- [options]
           or: … -- read [options]        the read side on a generated program (read --help for its options)
           or: … -- directory [options]   the community directory at a province's scale
          --duration <s>         measured seconds per point (default 10)
          --warmup <s>           unmeasured seconds before each point (default 2)
          --concurrency <list>   concurrent journeys, e.g. 1,16,64 (default)
          --scenarios <list>     raw, store-pg, store-pg-superuser (row-level security bypassed), store-pg-single, grain-pg, grain-pg-single,
                                 app-pg, app-pg-unaudited, grain-sqlite, http-sqlite, http-pg,
                                 store-pg-audited (each append also writes an audit entry), audit-pg, audit-pg-single
                                 (one audit entry per call, group commit on or off), and the diagnostic probe-store-sql, probe-orleans, probe-orleans-raw, probe-grain-memory,
                                 probe-http-live-sqlite (the host answering GET /health/live: the HTTP rows' ceiling)
                                 (default: all but the store-pg, audit and probe ones)
          --writers <list>       run the group-commit scenarios once per Storage:GroupCommitWriters value
                                 (default: the store's default)
          --output <file>        where the markdown table goes (default benchmark-results.md in the temp folder)
          --host <dll>           SocialPrescribing.Host.dll for the HTTP scenarios (default: built with this project)
          --rounds <n>           repeat the whole run n times, scenarios interleaved, and report the median of each
                                 point and the spread of its ratio to raw within each round (default 1)
          --interleave <ms>      start every scenario at once and measure them in turns of <ms> each (order rotating),
                                 --duration each; their ratios then share the machine's drift (default: one after another)
          --caseload <n>         journeys already in the PostgreSQL store scenarios' measured tenant and in another, so
                                 that the caseload's indexes and row-level security meet a program's table, not a
                                 64-row one (default 10000; 0 for an empty store)
          --calm <percent>       before each point, wait (up to 3 minutes) until the share of the last 10 s in which
                                 a runnable task waited for a core (/proc/pressure/cpu) is below percent
        """;

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(
            TimeSpan.FromSeconds(2),
            TimeSpan.FromSeconds(10),
            [1, 16, 64],
            DefaultScenarios,
            [],
            Path.Combine(Path.GetTempPath(), "benchmark-results.md"),
            typeof(BenchmarkOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostAssembly").Value!,
            1,
            null);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.{Environment.NewLine}{Usage}");
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = Numbers(value) },
                "--scenarios" => options with { Scenarios = Names(value) },
                "--writers" => options with { Writers = Numbers(value) },
                "--output" => options with { Output = Path.GetFullPath(value) },
                "--host" => options with { HostAssembly = Path.GetFullPath(value) },
                "--calm" => options with { CalmBelow = double.Parse(value, CultureInfo.InvariantCulture) },
                "--interleave" => options with { Interleave = TimeSpan.FromMilliseconds(Math.Max(10, double.Parse(value, CultureInfo.InvariantCulture))) },
                "--caseload" => options with { Caseload = Math.Max(0, int.Parse(value, CultureInfo.InvariantCulture)) },
                "--rounds" => options with { Rounds = Math.Max(1, int.Parse(value, CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}.{Environment.NewLine}{Usage}"),
            };
            i++;
        }

        return options;
    }

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];

    private static string[] Names(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Except(AllScenarios).ToList();
        return unknown.Count == 0
            ? names
            : throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}.{Environment.NewLine}{Usage}");
    }
}
