using System.Diagnostics;
using System.Globalization;

namespace SocialPrescribing.Benchmarks;

/// <summary>Starts and stops the real host as a process of its own, as the driver's HTTP scenario and read mode run it.</summary>
internal static class HostProcesses
{
    /// <summary>
    /// Starts <paramref name="hostAssembly"/> in Production on <paramref name="port"/> (Orleans on the ports <paramref name="orleans"/> names) with its data under
    /// <paramref name="dataDirectory"/>, persistent token keys and the driver's issuer, logging at Warning, no edge rate
    /// limit; <paramref name="settings"/> are further command-line settings; each output line goes to <paramref name="output"/>.
    /// </summary>
    public static Process Start(
        string hostAssembly, int port, (int Silo, int Gateway) orleans, string dataDirectory, Uri issuer, string signingKey, string encryptionKey, IEnumerable<string> settings, Action<string?> output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The host reads appsettings.json from its content root, the working directory.
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            hostAssembly,
            "--urls", $"http://127.0.0.1:{port}",
            "--environment", "Production",
            "--Storage:DataDirectory", dataDirectory,
            "--Orleans:SiloPort", orleans.Silo.ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", orleans.Gateway.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--Access:Issuer", issuer.AbsoluteUri,
            "--Access:SigningKeyPath", signingKey,
            "--Access:EncryptionKeyPath", encryptionKey,
            "--Edge:ReferralsPerMinute", "1000000",
            "--Edge:HttpsRedirection", "false",
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => output(e.Data);
        process.ErrorDataReceived += (_, e) => output(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>A graceful stop, as an operator's SIGTERM would be; killed only if it does not finish within <paramref name="patience"/>.</summary>
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
