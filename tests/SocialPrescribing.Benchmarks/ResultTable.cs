using System.Globalization;
using System.Text;

namespace SocialPrescribing.Benchmarks;

/// <summary>The results as a markdown table, each row compared with the raw baseline at the same concurrency.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<LoadResult> results, string baselineScenario)
    {
        var baseline = results.Where(r => r.Scenario == baselineScenario).ToDictionary(r => r.Concurrency, r => r.CommandsPerSecond);
        var table = new StringBuilder();
        table.AppendLine("| scenario | concurrent journeys | commands/s | p50 ms | p99 ms | vs raw | note |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio = baseline.TryGetValue(r.Concurrency, out var raw) && raw > 0 && r.Commands > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{r.CommandsPerSecond / raw:0.00}×")
                : "–";
            table.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.Concurrency} | {r.CommandsPerSecond:0} | {r.P50Milliseconds:0.00} | {r.P99Milliseconds:0.00} | {ratio} | {r.Note?.Replace("|", "/", StringComparison.Ordinal)} |");
        }

        return table.ToString();
    }

    /// <summary>
    /// Several rounds of the same points: per point the median commands/s and latencies across rounds, and the ratio
    /// to raw computed within each round (raw and the scenario ran minutes apart at most) with its median and every
    /// round's value, so the spread that other work on the machine causes is in plain sight. The note is the one of the
    /// round with the median commands/s.
    /// </summary>
    public static string RenderRounds(IReadOnlyList<LoadResult> results, string baselineScenario)
    {
        var baseline = results.Where(r => r.Scenario == baselineScenario).ToDictionary(r => (r.Round, r.Concurrency), r => r.CommandsPerSecond);
        var table = new StringBuilder();
        table.AppendLine("| scenario | concurrent journeys | commands/s (median) | p50 ms (median) | p99 ms (median) | vs raw (median) | vs raw, each round | note |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---|---|");
        foreach (var point in results.Where(r => r.Commands > 0).GroupBy(r => (r.Scenario, r.Concurrency)))
        {
            var ratios = point
                .Select(r => baseline.TryGetValue((r.Round, r.Concurrency), out var raw) && raw > 0 ? r.CommandsPerSecond / raw : double.NaN)
                .ToList();
            var known = ratios.Where(double.IsFinite).ToList();
            var ratio = known.Count == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Median(known):0.00}×");
            var each = known.Count == 0 ? "–" : string.Join(" / ", ratios.Select(r => double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) : "–"));
            // The note (appends per commit, CPU and context switches per command) of the round with the median rate.
            var notes = point.OrderBy(r => r.CommandsPerSecond).ElementAt(point.Count() / 2).Note ?? string.Empty;
            table.AppendLine(CultureInfo.InvariantCulture, $"| {point.Key.Scenario} | {point.Key.Concurrency} | {Median(point.Select(r => r.CommandsPerSecond)):0} | {Median(point.Select(r => r.P50Milliseconds)):0.00} | {Median(point.Select(r => r.P99Milliseconds)):0.00} | {ratio} | {each} | {notes.Replace("|", "/", StringComparison.Ordinal)} |");
        }

        return table.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
