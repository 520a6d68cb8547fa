using System.Diagnostics;
using System.Globalization;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// How busy the machine is, from Linux's <c>/proc/loadavg</c> and pressure stall information (<c>/proc/pressure/cpu</c>:
/// the share of the last 10 s in which some runnable task waited for a core). Other work on a two-core machine
/// skews every figure, and the stall share shows a competing build sooner and more plainly than the load average.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1-minute load average and the 10-second CPU stall share, for the log.</summary>
    public static string Describe()
    {
        var average = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        return CpuStall() is { } stall
            ? string.Create(CultureInfo.InvariantCulture, $"load average {average}, cpu stall {stall:0.0} %")
            : $"load average {average}";
    }

    /// <summary>
    /// Waits until the CPU stall share is below <paramref name="percent"/>, or <paramref name="patience"/> has passed;
    /// returns how long it waited. Returns at once where the kernel does not report pressure.
    /// </summary>
    public static async Task<TimeSpan> WaitForCalmAsync(double percent, TimeSpan patience, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (CpuStall() is { } stall && stall >= percent && Stopwatch.GetElapsedTime(started) < patience)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The thread pool's spin setting in force: the environment's, else the runtime configuration's, else the default.</summary>
    public static string ThreadPoolSpinning()
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit");
        var configured = AppContext.GetData("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");
        return environment is not null ? $"thread pool spin limit {environment} (environment)"
            : configured is not null ? $"thread pool spin limit {configured} (runtime configuration)"
            : "thread pool spin limit: the runtime's default";
    }

    private static double? CpuStall()
    {
        if (!File.Exists("/proc/pressure/cpu"))
        {
            return null;
        }

        var field = File.ReadLines("/proc/pressure/cpu").First().Split(' ').FirstOrDefault(f => f.StartsWith("avg10=", StringComparison.Ordinal));
        return field is null ? null : double.Parse(field["avg10=".Length..], CultureInfo.InvariantCulture);
    }
}
