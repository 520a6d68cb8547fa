using System.Diagnostics;
using System.Globalization;

namespace SocialPrescribing.Benchmarks;

/// <summary>Stops a host process the driver started: a graceful stop, as an operator's SIGTERM would be; killed only if it does not finish.</summary>
internal static class HostProcessStop
{
    public static async Task StopAsync(Process process, TimeSpan patience)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var waited = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(waited.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
