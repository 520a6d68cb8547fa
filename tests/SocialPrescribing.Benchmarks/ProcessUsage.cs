using System.Diagnostics;
using System.Globalization;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// CPU time and context switches of this process (the driver and, for the grain scenarios, the silo): per command they
/// show how much work and how many thread hand-offs a path costs, figures that other load on the machine moves far
/// less than it moves throughput. Context switches are summed over the live threads (<c>/proc/self/task</c>).
/// </summary>
internal readonly record struct ProcessUsage(TimeSpan Cpu, long ContextSwitches)
{
    public static ProcessUsage Now()
    {
        long switches = 0;
        if (Directory.Exists("/proc/self/task"))
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    foreach (var line in File.ReadLines(Path.Combine(task, "status")))
                    {
                        if (line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) || line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        {
                            switches += long.Parse(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), CultureInfo.InvariantCulture);
                        }
                    }
                }
                catch (IOException)
                {
                    // The thread ended while being read.
                }
            }
        }

        return new ProcessUsage(Process.GetCurrentProcess().TotalProcessorTime, switches);
    }

    public static ProcessUsage operator -(ProcessUsage after, ProcessUsage before) =>
        new(after.Cpu - before.Cpu, after.ContextSwitches - before.ContextSwitches);

    /// <summary>Driver CPU µs and context switches per command.</summary>
    public string Per(long commands) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cpu.TotalMicroseconds / commands:0} µs cpu, {(double)ContextSwitches / commands:0.0} switches per command");
}
