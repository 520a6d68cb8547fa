using System.Diagnostics;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// A closed loop: each worker executes its next command as soon as the last one is durable. Commands that
/// start during the warm-up are not counted; those that start during the measured window are, with their
/// latency from start to durable completion.
/// </summary>
internal static class LoadDriver
{
    private const int ErrorLimit = 1_000;

    public static async Task<LoadResult> RunAsync(LoadScenario scenario, int concurrency, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        var steps = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => scenario.CreateWorkerAsync(i, cancellationToken)));

        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + Ticks(warmup);
        var end = measureFrom + Ticks(duration);
        var workers = steps.Select(step => Task.Run(() => WorkAsync(step, measureFrom, end), cancellationToken)).ToArray();

        await Task.Delay(Stopwatch.GetElapsedTime(start, measureFrom), cancellationToken);
        var finish = scenario.BeginMeasurement();
        var before = ProcessUsage.Now();
        await Task.Delay(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end), cancellationToken);
        var after = ProcessUsage.Now();
        var note = finish();
        var samples = await Task.WhenAll(workers);

        return Result(scenario.Name, concurrency, samples, duration, note, after.PerCommandSince(before, Math.Max(1, samples.Sum(s => s.Completed))));
    }

    /// <summary>
    /// Several scenarios measured in turn, in short slices, over the same stretch of time: each slice runs one
    /// scenario's workers alone, and the order rotates every cycle. Drift in the machine (the disk's flush time, other
    /// work) then falls on every scenario alike, so their ratio is far steadier than that of points minutes apart.
    /// A slice counts the commands that completed within it, and its length is the time charged: commands still in
    /// flight at its end finish before the next slice starts, uncounted and uncharged, so a long tail at high
    /// concurrency neither idles the other workers on the scenario's clock nor counts work done after the slice.
    /// Each scenario warms up alone for the whole warm-up first, and the order of the scenarios is shuffled in every
    /// cycle (with a fixed seed), so no scenario always follows the same one.
    /// </summary>
    public static async Task<IReadOnlyList<LoadResult>> RunInterleavedAsync(
        IReadOnlyList<LoadScenario> scenarios, int concurrency, TimeSpan warmup, TimeSpan duration, TimeSpan slice, CancellationToken cancellationToken)
    {
        var steps = new List<Func<Task>[]>();
        foreach (var scenario in scenarios)
        {
            var workers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => scenario.CreateWorkerAsync(i, cancellationToken)));
            steps.Add(workers);
        }

        foreach (var workers in steps)
        {
            await RunSliceAsync(workers, warmup, cancellationToken);
        }

        var samples = scenarios.Select(_ => new List<WorkerSamples>()).ToArray();
        var elapsed = new long[scenarios.Count];
        var cpu = new TimeSpan[scenarios.Count];
        var switches = new long[scenarios.Count];
        var finishers = scenarios.Select(s => s.BeginMeasurement()).ToArray();
        var cycles = Math.Max(1, (int)Math.Ceiling(duration / slice));
        var order = Enumerable.Range(0, scenarios.Count).ToArray();
        var shuffle = new Random(concurrency);
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            shuffle.Shuffle(order);
            foreach (var i in order)
            {
                var before = ProcessUsage.Now();
                samples[i].AddRange(await RunSliceAsync(steps[i], slice, cancellationToken));
                elapsed[i] += Ticks(slice);
                var after = ProcessUsage.Now();
                cpu[i] += after.CpuSince(before);
                switches[i] += after.SwitchesSince(before);
            }
        }

        return [.. scenarios.Select((scenario, i) =>
        {
            var commands = Math.Max(1, samples[i].Sum(s => s.Completed));
            return Result(scenario.Name, concurrency, samples[i], TimeSpan.FromSeconds((double)elapsed[i] / Stopwatch.Frequency), finishers[i](), ProcessUsage.PerCommand(cpu[i], switches[i], commands));
        })];
    }

    private static async Task<WorkerSamples[]> RunSliceAsync(Func<Task>[] steps, TimeSpan slice, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + Ticks(slice);
        return await Task.WhenAll(steps.Select(step => Task.Run(() => WorkAsync(step, start, end, countUntil: end), cancellationToken)));
    }

    private static LoadResult Result(string scenario, int concurrency, IReadOnlyCollection<WorkerSamples> samples, TimeSpan measured, string? note, string usage)
    {
        var latencies = samples.SelectMany(s => s.Latencies).Order().ToArray();
        var completed = samples.Sum(s => (long)s.Completed);
        var errors = samples.Sum(s => s.Errors);
        var firstError = samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null);
        if (firstError is not null)
        {
            note = $"{note} {errors} errors, first: {firstError.GetType().Name}: {firstError.Message}".Trim();
        }

        if (latencies.Length > 0)
        {
            note = $"{note} {usage}".Trim();
        }

        return new LoadResult(
            scenario,
            concurrency,
            completed,
            completed / measured.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            errors,
            note);
    }

    /// <summary>
    /// One worker's closed loop: commands start until <paramref name="end"/>. Those started from <paramref name="measureFrom"/>
    /// are measured, and those of them completed by <paramref name="countUntil"/> count as throughput.
    /// </summary>
    private static async Task<WorkerSamples> WorkAsync(Func<Task> step, long measureFrom, long end, long countUntil = long.MaxValue)
    {
        var latencies = new List<long>(4_096);
        var completed = 0;
        var errors = 0;
        Exception? firstError = null;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            if (started >= end || errors >= ErrorLimit)
            {
                break;
            }

            try
            {
                await step();
            }
#pragma warning disable CA1031 // A failed command is counted and reported, not allowed to stop the measurement.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors++;
                firstError ??= ex;
                continue;
            }

            // Every measured command's latency counts, the tail's included; only those done in the window count as throughput.
            var finished = Stopwatch.GetTimestamp();
            if (started >= measureFrom)
            {
                latencies.Add(finished - started);
                completed += finished <= countUntil ? 1 : 0;
            }
        }

        return new WorkerSamples(latencies, completed, errors, firstError);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(quantile * (sorted.Length - 1))] * 1000.0 / Stopwatch.Frequency;
}
