using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The host as a real operating-system process, started from the build output as an operator would
/// (<c>dotnet SocialPrescribing.Host.dll</c>), so it can be killed with SIGKILL.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        Client = new HttpClient(new TenantTokenHandler(dataDirectory) { InnerHandler = new HttpClientHandler() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<HostProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken, params string[] extraArguments) =>
        StartInAsync(AppContext.BaseDirectory, dataDirectory, cancellationToken, extraArguments);

    /// <summary>
    /// Starts the host as an OpenID Connect provider other hosts can trust: its issuer (<c>Access:Issuer</c>) is the
    /// address it listens on, so its discovery document and tokens name the address they are fetched from.
    /// </summary>
    public static Task<HostProcess> StartAsProviderAsync(string dataDirectory, CancellationToken cancellationToken, params string[] extraArguments) =>
        StartInAsync(AppContext.BaseDirectory, dataDirectory, address => ["--Access:Issuer", address.AbsoluteUri, .. extraArguments], cancellationToken);

    /// <summary>Starts the host with <paramref name="workingDirectory"/> as its current folder, as an operator's service unit might.</summary>
    public static Task<HostProcess> StartInAsync(string workingDirectory, string dataDirectory, CancellationToken cancellationToken, params string[] extraArguments) =>
        StartInAsync(workingDirectory, dataDirectory, _ => extraArguments, cancellationToken);

    private static async Task<HostProcess> StartInAsync(string workingDirectory, string dataDirectory, Func<Uri, string[]> argumentsFor, CancellationToken cancellationToken)
    {
        var port = FreePort.Next();
        var address = new Uri($"http://127.0.0.1:{port}");
        var extraArguments = argumentsFor(address);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "SocialPrescribing.Host.dll"),
            "--urls", address.ToString(),
            "--Storage:DataDirectory", dataDirectory,
            "--Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Jobs:ShutdownTimeout", "00:00:01",
            "--Edge:ReferralsPerMinute", "1000000",
            // Testing, like Development: signing keys made under the data folder, which the client's tokens are signed with.
            .. extraArguments.Contains("--environment") ? [] : new[] { "--environment", "Testing" },
            .. extraArguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var host = new HostProcess(Process.Start(start)!, address, dataDirectory);
        host._process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            // A host that never became ready must not outlive the test that started it.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The host did not become ready:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
