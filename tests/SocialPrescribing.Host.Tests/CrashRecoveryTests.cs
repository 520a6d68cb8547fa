using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

/// <summary>The real host process, killed with SIGKILL under load, loses nothing it acknowledged.</summary>
[Collection(HostCollection.Name)]
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sp-crash-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => TempFolders.Delete(_dataDirectory);

    [Fact]
    public async Task Every_acknowledged_journey_survives_a_SIGKILL_of_the_host()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var acknowledged = new ConcurrentDictionary<Guid, int>();

        await using (var host = await HostProcess.StartAsync(_dataDirectory, cancellation))
        {
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 6).Select(_ => Task.Run(() => ReferAndAcceptAsync(host.Client, acknowledged, stop.Token), cancellation)).ToArray();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 60 && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50, cancellation);
            }

            // Killed while requests are still in flight: those were never acknowledged and may or may not exist.
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(acknowledged.Count >= 60, $"only {acknowledged.Count} writes were acknowledged before the kill");
        await using var restarted = await HostProcess.StartAsync(_dataDirectory, cancellation);
        foreach (var (journeyId, version) in acknowledged)
        {
            var response = await restarted.Client.GetAsync($"/api/v1/tenants/ab/journeys/{journeyId}", cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var journey = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!;
            var versions = journey["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()).ToArray();
            Assert.True(versions.Length >= version, $"journey {journeyId} acknowledged at version {version} but has {versions.Length} events");
            Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        }

        // The acknowledged journeys are all on the caseload too, which is written in the same transaction.
        var caseload = JsonNode.Parse(await restarted.Client.GetStringAsync("/api/v1/tenants/ab/journeys?pageSize=100&linkWorker=lw-crash", cancellation))!;
        Assert.True(caseload["total"]!.GetValue<int>() >= acknowledged.Count(a => a.Value == 2));
    }

    private static async Task ReferAndAcceptAsync(HttpClient http, ConcurrentDictionary<Guid, int> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var created = await http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(), stop);
                if (created.StatusCode != HttpStatusCode.Created)
                {
                    return;
                }

                var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(stop))!["journeyId"]!.GetValue<Guid>();
                acknowledged[id] = 1;
                var accepted = await http.PostAsJsonAsync($"/api/v1/tenants/ab/journeys/{id}/accept", new { linkWorkerId = "lw-crash" }, stop);
                if (accepted.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[id] = 2;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                return;
            }
        }
    }
}
