using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Benchmarks;

/// <summary>
/// Commands through the real host: <c>SocialPrescribing.Host.dll</c> started as its own process with
/// <paramref name="settings"/> on the command line, driven with <see cref="HttpClient"/>. Each worker opens a
/// journey with <c>POST …/referrals</c>, accepts it, then repeats <c>POST …/journeys/{id}/record-contact</c>.
/// The host logs at Warning, so the per-command Information line does not turn the run into a console benchmark.
/// With <paramref name="livenessOnly"/> each request is <c>GET /health/live</c> instead (<c>probe-http-live-sqlite</c>):
/// the same host, client, connections and cores with no work behind the request, the ceiling of any HTTP row here.
/// </summary>
internal sealed class HttpScenario(string name, string hostAssembly, IReadOnlyList<string> settings, bool livenessOnly = false) : LoadScenario
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly byte[] ContactBody = Encoding.UTF8.GetBytes("""{"mode":"phone","purpose":"check-in"}""");
    private static readonly byte[] AcceptBody = Encoding.UTF8.GetBytes($$"""{"linkWorkerId":"{{SampleEvents.Actor}}"}""");
    private static readonly byte[] ReferralBody = Encoding.UTF8.GetBytes("""
        {"client":{"givenName":"Marie","familyName":"Tremblay","birthDate":"1948-03-14","postalCode":"T2P 1J9","preferredLanguage":"fr","phone":"403-555-0101"},
         "referrer":{"name":"Dr. Amir Patel","organization":"Bow Valley Family Clinic","role":"family physician"},
         "source":"family-physician","reasons":["loneliness-and-isolation","physical-activity"]}
        """);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sp-bench-host-" + Guid.NewGuid().ToString("N"));
    private readonly Queue<string> _output = new();
    private Process? _process;
    private HttpClient? _client;
    private Uri? _live;

    public override string Name => name;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(hostAssembly))
        {
            throw new FileNotFoundException($"The host is not built at {hostAssembly}; build it or pass --host.", hostAssembly);
        }

        var port = FreePort.Next();
        // A production host needs persistent token keys and an issuer; the driver signs its workers' token with the same key.
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var signingKey = Path.Combine(_dataDirectory, "keys", "signing.pem");
        var encryptionKey = Path.Combine(_dataDirectory, "keys", "encryption.pem");
        RsaKeyFile.Create(signingKey);
        RsaKeyFile.Create(encryptionKey);
        _process = HostProcesses.Start(hostAssembly, port, (FreePort.Next(), FreePort.Next()), _dataDirectory, issuer, signingKey, encryptionKey, settings, Remember);

        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1_024 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/api/v1/tenants/ab/"),
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestHeaders =
            {
                Authorization = new AuthenticationHeaderValue("Bearer", AccessTokenMinter.Issue(
                    issuer, RsaKeyFile.Read(signingKey, "benchmark signing key"), TimeSpan.FromHours(1), SampleEvents.Actor, SampleEvents.Actor, "ab",
                    [AccessRoles.Referrer, AccessRoles.LinkWorker], "sp-benchmarks")),
            },
        };
        _live = new Uri($"http://127.0.0.1:{port}/health/live");
        await WaitUntilLiveAsync(_live, cancellationToken);
    }

    public override async Task<Func<Task>> CreateWorkerAsync(int worker, CancellationToken cancellationToken)
    {
        if (livenessOnly)
        {
            return async () =>
            {
                using var response = await _client!.GetAsync(_live);
                response.EnsureSuccessStatusCode();
            };
        }

        using var referral = await PostAsync("referrals", ReferralBody, HttpStatusCode.Created);
        using var body = await JsonDocument.ParseAsync(await referral.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var journey = $"journeys/{body.RootElement.GetProperty("journeyId").GetGuid()}/";
        (await PostAsync(journey + "accept", AcceptBody, HttpStatusCode.OK)).Dispose();
        var recordContact = journey + "record-contact";
        return async () => (await PostAsync(recordContact, ContactBody, HttpStatusCode.OK)).Dispose();
    }

    public override async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_process is not null)
        {
            await HostProcesses.StopAsync(_process, TimeSpan.FromSeconds(30));
            _process.Dispose();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        var response = await _client!.SendAsync(request);
        if (response.StatusCode != expected)
        {
            var problem = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new HttpRequestException($"POST {path} answered {(int)response.StatusCode}: {problem}");
        }

        return response;
    }

    private async Task WaitUntilLiveAsync(Uri live, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode}:{Environment.NewLine}{OutputTail()}");
            }

            try
            {
                using var response = await _client!.GetAsync(live, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"The host did not come up within 60 s:{Environment.NewLine}{OutputTail()}");
            }

            await Task.Delay(200, cancellationToken);
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

    private string OutputTail()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }
}
