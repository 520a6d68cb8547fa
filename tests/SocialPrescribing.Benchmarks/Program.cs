using System.Globalization;
using SocialPrescribing.Benchmarks;
using SocialPrescribing.Testing.Postgres;

// Durable journey commands per second, with latency, at each concurrency: see docs/benchmarks.md.
var options = BenchmarkOptions.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Console.WriteLine($"Starting a throwaway PostgreSQL (fsync on, synchronous_commit on); {Environment.ProcessorCount} cores.");
await using var server = await PostgresServer.CreateAsync(stop.Token);
var results = new List<LoadResult>();
foreach (var name in options.Scenarios)
{
    IReadOnlyList<int?> variants = ScenarioCatalog.UsesGroupCommit(name) && options.Writers.Count > 0 ? [.. options.Writers.Select(w => (int?)w)] : [null];
    foreach (var writers in variants)
    {
        await using var scenario = await ScenarioCatalog.CreateAsync(name, writers, server, options, stop.Token);
        try
        {
            await scenario.StartAsync(stop.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.WriteLine($"{scenario.Name}: not run: {ex.Message}");
            results.Add(new LoadResult(scenario.Name, 0, 0, 0, double.NaN, double.NaN, 0, $"not run: {ex.Message.Split(Environment.NewLine)[0]}"));
            continue;
        }

        foreach (var concurrency in options.Concurrency)
        {
            var result = await LoadDriver.RunAsync(scenario, concurrency, options.Warmup, options.Duration, stop.Token);
            results.Add(result);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Scenario} @ {concurrency}: {result.CommandsPerSecond:0} commands/s, p50 {result.P50Milliseconds:0.00} ms, p99 {result.P99Milliseconds:0.00} ms {result.Note} (load average {LoadAverage()})"));
        }
    }
}

var table = ResultTable.Render(results, RawNpgsqlScenario.Label);
Console.WriteLine();
Console.WriteLine(table);
await File.WriteAllTextAsync(options.Output, table, stop.Token);
Console.WriteLine($"Written to {options.Output}");

// Other work on the machine skews every figure; the 1-minute load average after each point shows when it ran.
static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
