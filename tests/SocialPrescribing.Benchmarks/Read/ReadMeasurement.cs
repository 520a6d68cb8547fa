using System.Globalization;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>A read's latencies through the host and by plain SQL, in milliseconds, with what the host answered.</summary>
internal sealed record ReadMeasurement(ReadPoint Point, double HostFirst, List<double> Host, double SqlFirst, List<double> Sql, string Answer, int Errors)
{
    public static string Header =>
        "| read | host first ms | host p50 ms | host p99 ms | host max ms | plain SQL p50 ms | plain SQL p99 ms | goal | samples | host answered |"
        + Environment.NewLine + "|---|---:|---:|---:|---:|---:|---:|---|---:|---|";

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Point.Name} | {HostFirst:N1} | {At(Host, 0.5):N1} | {At(Host, 0.99):N1} | {At(Host, 1):N1} | {At(Sql, 0.5):N2} | {At(Sql, 0.99):N2} | {Point.Goal} | {Host.Count} | {Answer}{(Errors > 0 ? $"; {Errors} errors" : string.Empty)} |");

    private static double At(List<double> milliseconds, double quantile)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = milliseconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
