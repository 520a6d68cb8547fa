using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Net;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// With the standard OTEL_* variables naming a receiver, the host exports traces and metrics over OTLP: a real
/// OTLP/HTTP receiver gets the pathway's spans (requests, grain calls) and the host's metrics, and not one byte of
/// the person's name, phone, notes, what matters to them or their plan.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TelemetryExportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pathway_reaches_an_otlp_receiver_as_traces_and_metrics_without_personal_information()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var factory = new JourneyHostFactory(settings: new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "sp-telemetry-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var http = factory.CreateAuthenticatedClient();

        // A person whose every detail is unlike anything else in a trace.
        string[] personal = ["Quillonette", "Brambleworth", "403-555-0199", "Keeps bees since the spring", "Singing in the choir again", "Join the Tuesday choir", "Talked about the hives"];
        var referral = new
        {
            client = new { givenName = personal[0], familyName = personal[1], birthDate = "1941-07-19", postalCode = "T2P 1J9", preferredLanguage = "en", phone = personal[2] },
            referrer = new { name = "Dr. Amir Patel", organization = "Bow Valley Family Clinic", role = "family physician" },
            source = "family-physician",
            reasons = new[] { "loneliness-and-isolation" },
            notes = personal[3],
        };
        var created = await http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", referral, Token);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Token));
        var journeyId = (await Api.ReadAsync(created))["journeyId"]!.GetValue<Guid>();
        await Api.CommandOkAsync(http, journeyId, "accept", new { linkWorkerId = "lw-42" });
        await Api.CommandOkAsync(http, journeyId, "record-contact", new { mode = "phone", purpose = "introduction", notes = personal[6] });
        await Api.CommandOkAsync(http, journeyId, "record-what-matters", new { items = new[] { personal[4] } });
        await Api.CommandOkAsync(http, journeyId, "agree-plan", new { goals = new[] { personal[5] } });
        var assessed = await http.PostAsJsonAsync($"/api/v1/tenants/ab/journeys/{journeyId}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 1 } }, Token);
        Assert.True(assessed.IsSuccessStatusCode, await assessed.Content.ReadAsStringAsync(Token));
        Assert.Equal(personal[0], (await Api.GetJourneyAsync(http, journeyId))["client"]!["givenName"]!.GetValue<string>());
        // A name in a query string is redacted, whatever the endpoint makes of it.
        using var searched = await http.GetAsync($"/api/v1/tenants/ab/journeys?name={personal[1]}", Token);

        await Api.EventuallyAsync(
            () => Task.FromResult(receiver.Has("/v1/traces", "POST /api/v1/tenants/{tenant}/referrals") && receiver.Has("/v1/traces", "Microsoft.Orleans")
                && receiver.Has("/v1/traces", "POST /api/v1/tenants/{tenant}/journeys/{journeyId:guid}/assessments") && receiver.Has("/v1/metrics", "http.server.request.duration")
                // The self-harm answer raises an alert, whose notification runs as a background job with its own span.
                && receiver.Has("/v1/traces", "SocialPrescribing.Jobs")),
            "the pathway's spans and the host's metrics at the receiver");

        Assert.True(receiver.Has("/v1/traces", "sp-telemetry-test"), "the service is named from OTEL_SERVICE_NAME");
        foreach (var detail in personal)
        {
            Assert.False(receiver.Has(null, detail), $"'{detail}' was exported.");
        }
    }

    /// <summary>
    /// An OTLP/HTTP receiver (on <see cref="HttpListener"/>, so that its own requests are no ASP.NET Core spans of the
    /// host's): keeps every body posted to /v1/traces, /v1/metrics and /v1/logs, and answers 200.
    /// </summary>
    private sealed class OtlpReceiver : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _bodies = new();
        private readonly Task _serving;

        private OtlpReceiver(int port)
        {
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
        }

        public string Endpoint { get; }

        public static Task<OtlpReceiver> StartAsync() => Task.FromResult(new OtlpReceiver(FreePort.Next()));

        /// <summary>Whether any body posted to <paramref name="path"/> (any path when null) holds <paramref name="text"/> as UTF-8, as protobuf writes strings.</summary>
        public bool Has(string? path, string text)
        {
            var needle = Encoding.UTF8.GetBytes(text);
            return _bodies.Any(b => (path is null || b.Path == path) && b.Body.AsSpan().IndexOf(needle) >= 0);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _bodies.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _serving;
        }
    }
}
