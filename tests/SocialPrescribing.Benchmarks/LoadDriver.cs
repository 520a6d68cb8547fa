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

        var latencies = samples.SelectMany(s => s.Latencies).Order().ToArray();
        var errors = samples.Sum(s => s.Errors);
        var firstError = samples.Select(s => s.FirstError).FirstOrDefault(e => e is not null);
        if (firstError is not null)
        {
            note = $"{note} {errors} errors, first: {firstError.GetType().Name}: {firstError.Message}".Trim();
        }

        if (latencies.Length > 0)
        {
            note = $"{note} {after.PerCommandSince(before, latencies.Length)}".Trim();
        }

        return new LoadResult(
            scenario.Name,
            concurrency,
            latencies.Length,
            latencies.Length / duration.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            errors,
            note);
    }

    private static async Task<WorkerSamples> WorkAsync(Func<Task> step, long measureFrom, long end)
    {
        var latencies = new List<long>(4_096);
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

            if (started >= measureFrom)
            {
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }
        }

        return new WorkerSamples(latencies, errors, firstError);
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static double Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Round(quantile * (sorted.Length - 1))] * 1000.0 / Stopwatch.Frequency;
}
