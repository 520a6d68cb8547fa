using System.Diagnostics;
using System.Globalization;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// CPU time and context switches of this process (the driver and, for the grain scenarios, the silo): per command they
/// show how much work and how many thread hand-offs a path costs, figures that other load on the machine moves less
/// than it moves throughput. Context switches are counted per thread (<c>/proc/self/task</c>): a thread that ends
/// during the measurement takes its count with it, so the figure is a slight undercount.
/// </summary>
internal sealed class ProcessUsage
{
    private readonly TimeSpan _cpu;
    private readonly Dictionary<string, long> _switches;

    private ProcessUsage(TimeSpan cpu, Dictionary<string, long> switches)
    {
        _cpu = cpu;
        _switches = switches;
    }

    public static ProcessUsage Now() => new(Process.GetCurrentProcess().TotalProcessorTime, SwitchesByThread());

    /// <summary>Driver CPU µs and context switches per command since <paramref name="before"/>.</summary>
    public string PerCommandSince(ProcessUsage before, long commands) => PerCommand(CpuSince(before), SwitchesSince(before), commands);

    /// <summary>CPU µs and context switches per command, for totals summed over several stretches.</summary>
    public static string PerCommand(TimeSpan cpu, long switches, long commands) => string.Create(
        CultureInfo.InvariantCulture,
        $"{cpu.TotalMicroseconds / commands:0} µs cpu, {(double)switches / commands:0.0} switches per command");

    public TimeSpan CpuSince(ProcessUsage before) => _cpu - before._cpu;

    // Threads started since begin at zero; threads that ended are gone from both sides.
    public long SwitchesSince(ProcessUsage before) => _switches.Sum(t => t.Value - before._switches.GetValueOrDefault(t.Key));

    private static Dictionary<string, long> SwitchesByThread()
    {
        var switches = new Dictionary<string, long>();
        if (!Directory.Exists("/proc/self/task"))
        {
            return switches;
        }

        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                long count = 0;
                foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                {
                    if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                    {
                        count += long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
                    }
                }

                switches[Path.GetFileName(task)] = count;
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return switches;
    }
}
