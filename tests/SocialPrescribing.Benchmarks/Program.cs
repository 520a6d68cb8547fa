using System.Globalization;
using SocialPrescribing.Benchmarks;
using SocialPrescribing.Testing.Postgres;

// Durable journey commands per second, with latency, at each concurrency; or, with `directory`, the community
// directory's import, search and matching at a province's scale; or, with `read`, the read side on a generated
// program of 100,000 journeys: see docs/benchmarks.md.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (args is ["read", .. var readArgs])
{
    await SocialPrescribing.Benchmarks.Read.ReadBenchmark.RunAsync(readArgs, stop.Token);
    return;
}

if (args is ["directory", .. var directoryArgs])
{
    await DirectoryBenchmark.RunAsync(directoryArgs, stop.Token);
    return;
}

var options = BenchmarkOptions.Parse(args);

Console.WriteLine($"Starting a throwaway PostgreSQL (fsync on, synchronous_commit on); {Environment.ProcessorCount} cores; {MachineLoad.ThreadPoolSpinning()}.");
await using var server = await PostgresServer.CreateAsync(stop.Token);
var results = new List<LoadResult>();
for (var round = 1; round <= options.Rounds; round++)
{
    if (options.Rounds > 1)
    {
        Console.WriteLine($"Round {round} of {options.Rounds}");
    }

    // Every scenario once per round, in the same order, so slow drift in the machine's load touches them all alike.
    results.AddRange(options.Interleave is { } slice ? await RunInterleavedRoundAsync(round, slice) : await RunRoundAsync(round));
}

var table = options.Rounds == 1 ? ResultTable.Render(results, RawNpgsqlScenario.Label) : ResultTable.RenderRounds(results, RawNpgsqlScenario.Label);
Console.WriteLine();
Console.WriteLine(table);
await File.WriteAllTextAsync(options.Output, table, stop.Token);
Console.WriteLine($"Written to {options.Output}");

async Task<List<LoadResult>> RunRoundAsync(int round)
{
    var measured = new List<LoadResult>();
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
                measured.Add(new LoadResult(scenario.Name, 0, 0, 0, double.NaN, double.NaN, 0, $"not run: {ex.Message.Split(Environment.NewLine)[0]}") { Round = round });
                continue;
            }

            foreach (var concurrency in options.Concurrency)
            {
                await WaitForCalmAsync();
                measured.Add(Report(await LoadDriver.RunAsync(scenario, concurrency, options.Warmup, options.Duration, stop.Token) with { Round = round, Load = MachineLoad.Describe() }));
            }
        }
    }

    return measured;
}

// Every scenario started at once, then measured in turns of one slice each at every concurrency.
async Task<List<LoadResult>> RunInterleavedRoundAsync(int round, TimeSpan slice)
{
    var measured = new List<LoadResult>();
    var started = new List<LoadScenario>();
    try
    {
        foreach (var name in options.Scenarios)
        {
            IReadOnlyList<int?> variants = ScenarioCatalog.UsesGroupCommit(name) && options.Writers.Count > 0 ? [.. options.Writers.Select(w => (int?)w)] : [null];
            foreach (var writers in variants)
            {
                var scenario = await ScenarioCatalog.CreateAsync(name, writers, server, options, stop.Token);
                started.Add(scenario);
                await scenario.StartAsync(stop.Token);
            }
        }

        foreach (var concurrency in options.Concurrency)
        {
            await WaitForCalmAsync();
            foreach (var result in await LoadDriver.RunInterleavedAsync(started, concurrency, options.Warmup, options.Duration, slice, stop.Token))
            {
                measured.Add(Report(result with { Round = round, Load = MachineLoad.Describe() }));
            }
        }
    }
    finally
    {
        foreach (var scenario in started)
        {
            await scenario.DisposeAsync();
        }
    }

    return measured;
}

async Task WaitForCalmAsync()
{
    if (options.CalmBelow is { } calm)
    {
        var waited = await MachineLoad.WaitForCalmAsync(calm, TimeSpan.FromMinutes(3), stop.Token);
        if (waited > TimeSpan.FromSeconds(2))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (waited {waited.TotalSeconds:0} s for the machine to calm down: {MachineLoad.Describe()})"));
        }
    }
}

static LoadResult Report(LoadResult result)
{
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{result.Scenario} @ {result.Concurrency}: {result.CommandsPerSecond:0} commands/s, p50 {result.P50Milliseconds:0.00} ms, p99 {result.P99Milliseconds:0.00} ms {result.Note} ({result.Load})"));
    return result;
}
