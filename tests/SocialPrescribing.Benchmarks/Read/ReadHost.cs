using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Benchmarks.Read;

/// <summary>
/// The real host (<c>SocialPrescribing.Host.dll</c>) as its own process on a data set, started and stopped as often as
/// asked on the same port, keys and storage (as an operator restarts it), with clients holding tokens for any role.
/// Started as <see cref="HttpScenario"/> starts it: Production, logging at Warning, token keys from files.
/// </summary>
internal sealed class ReadHost(string hostAssembly, string dataDirectory, IReadOnlyList<string> settings) : IAsyncDisposable
{
    private readonly Queue<string> _output = new();
    private readonly int _port = FreePort.Next();
    private readonly int _siloPort = FreePort.Next();
    private readonly int _gatewayPort = FreePort.Next();
    private Process? _process;

    private Uri Issuer => new($"http://127.0.0.1:{_port}/");

    private string SigningKey => Path.Combine(dataDirectory, "keys", "signing.pem");

    private string EncryptionKey => Path.Combine(dataDirectory, "keys", "encryption.pem");

    /// <summary>Starts the host and returns how long it took to answer <c>/health/ready</c>.</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(hostAssembly))
        {
            throw new FileNotFoundException($"The host is not built at {hostAssembly}; build it or pass --host.", hostAssembly);
        }

        if (!File.Exists(SigningKey))
        {
            RsaKeyFile.Create(SigningKey);
            RsaKeyFile.Create(EncryptionKey);
        }

        var clock = Stopwatch.StartNew();
        _process = HostProcesses.Start(hostAssembly, _port, (_siloPort, _gatewayPort), dataDirectory, Issuer, SigningKey, EncryptionKey, settings, Remember);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri($"http://127.0.0.1:{_port}/health/ready");
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await probe.GetAsync(ready, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"The host was not ready within 5 minutes:{Environment.NewLine}{OutputTail()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>A client of the tenant's API (<c>/api/v1/tenants/{tenant}/</c>) as <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public HttpClient Client(string tenant, string subject, params string[] roles)
    {
        return new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{_port}/api/v1/tenants/{tenant}/"),
            Timeout = TimeSpan.FromMinutes(2),
            DefaultRequestHeaders =
            {
                Authorization = new AuthenticationHeaderValue("Bearer", AccessTokenMinter.Issue(
                    Issuer, RsaKeyFile.Read(SigningKey, "benchmark signing key"), TimeSpan.FromHours(4), subject, subject, tenant, roles, "sp-benchmarks")),
            },
        };
    }

    /// <summary>The host's resident set size now, in bytes (0 when it is not running).</summary>
    public long ResidentBytes()
    {
        if (_process is null || _process.HasExited)
        {
            return 0;
        }

        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>A graceful stop, as an operator's SIGTERM would be; killed only when it does not end within 60 s.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await HostProcesses.StopAsync(_process, TimeSpan.FromSeconds(60));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The host's last lines of output, for a failure's message.</summary>
    public string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 40)
            {
                _output.Dequeue();
            }
        }
    }
}
