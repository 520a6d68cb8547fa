using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>Nothing acknowledged is lost on PostgreSQL: not when the host is killed, not when the database crashes.</summary>
[Collection(HostCollection.Name)]
public sealed class PostgresCrashTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sp-pgcrash-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => TempFolders.Delete(_dataDirectory);

    private static string[] Arguments(string database) => [.. PostgresHostTests.Settings(database).SelectMany(s => new[] { "--" + s.Key, s.Value })];

    [Fact]
    public async Task Every_acknowledged_referral_survives_a_SIGKILL_of_the_host_on_postgres()
    {
        var database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("kill"), Token);
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        await using (var host = await HostProcess.StartAsync(_dataDirectory, Token, Arguments(database)))
        {
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 8).Select(_ => Task.Run(() => LoadAsync(host.Client, acknowledged, stop.Token), Token)).ToArray();
            await WaitForAsync(() => acknowledged.Count >= 80, TimeSpan.FromSeconds(60));
            await host.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        await using var restarted = await HostProcess.StartAsync(_dataDirectory, Token, Arguments(database));
        await AssertIntactAsync(restarted.Client, acknowledged);
        Assert.Equal(0L, await PostgresHostTests.ScalarAsync<long>(database, """
            SELECT COUNT(*) FROM (
              SELECT journey_id, MAX(version) AS top, COUNT(*) AS n, COUNT(DISTINCT version) AS distinct_versions
              FROM social_prescribing.journey_events GROUP BY tenant, journey_id) s
            WHERE top <> n OR n <> distinct_versions
            """));
    }

    [Fact]
    public async Task A_database_crash_gives_503s_and_the_host_recovers_on_its_own_losing_nothing()
    {
        // A private server: this test stops it.
        await using var server = await PostgresServer.CreateAsync(Token);
        if (server.IsExternal)
        {
            Assert.Skip("SP_TEST_POSTGRES points at a server this test may not stop.");
        }

        var database = await server.CreateDatabaseAsync(PostgresServer.UniqueName("down"), Token);
        await using var host = await HostProcess.StartAsync(_dataDirectory, Token, Arguments(database));
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        using (var stop = new CancellationTokenSource())
        {
            var load = Enumerable.Range(0, 4).Select(_ => Task.Run(() => LoadAsync(host.Client, acknowledged, stop.Token), Token)).ToArray();
            await WaitForAsync(() => acknowledged.Count >= 30, TimeSpan.FromSeconds(60));
            await server.StopImmediateAsync(Token);
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        // While the database is down: a prompt 503 with problem details, never a 500 or a hang.
        var clock = Stopwatch.StartNew();
        using var down = await host.Client.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(), Token);
        var answeredIn = clock.Elapsed;
        var problem = JsonNode.Parse(await down.Content.ReadAsStringAsync(Token))!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.True(answeredIn < TimeSpan.FromSeconds(30), $"the 503 took {answeredIn}");
        using var known = await host.Client.GetAsync($"/api/v1/tenants/ab/journeys/{acknowledged.Keys.First()}", Token);
        Assert.NotEqual(HttpStatusCode.InternalServerError, known.StatusCode);
        using var ready = await host.Client.GetAsync("/health/ready", Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        await server.StartAsync(Token);
        var recovered = await PostgresHostTests.EventuallyAsync(
            () => host.Client.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(), Token),
            PostgresHostTests.IsOk,
            TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.Created, recovered.StatusCode);
        await AssertIntactAsync(host.Client, acknowledged);
        TestContext.Current.SendDiagnosticMessage($"503 answered in {answeredIn.TotalMilliseconds:F0} ms while PostgreSQL was down.");
    }

    private static async Task LoadAsync(HttpClient http, ConcurrentDictionary<Guid, int> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var created = await http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(), stop);
                if (created.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(stop))!["journeyId"]!.GetValue<Guid>();
                acknowledged[id] = 1;
                using var accepted = await http.PostAsJsonAsync($"/api/v1/tenants/ab/journeys/{id}/accept", new { linkWorkerId = "lw-load" }, stop);
                if (accepted.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[id] = 2;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private static async Task AssertIntactAsync(HttpClient http, ConcurrentDictionary<Guid, int> acknowledged)
    {
        foreach (var (id, version) in acknowledged)
        {
            var response = await PostgresHostTests.EventuallyAsync(
                () => http.GetAsync($"/api/v1/tenants/ab/journeys/{id}", Token),
                r => r.StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var versions = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()).ToArray();
            Assert.True(versions.Length >= version, $"{id} was acknowledged at version {version} but has {versions.Length} events");
            Assert.Equal(Enumerable.Range(1, versions.Length), versions);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < within)
        {
            await Task.Delay(50, Token);
        }

        Assert.True(condition(), $"not reached within {within}");
    }
}
