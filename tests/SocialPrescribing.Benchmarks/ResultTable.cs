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
}
