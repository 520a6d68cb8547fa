using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>Two real host processes on one PostgreSQL database form one Orleans cluster.</summary>
[Collection(HostCollection.Name)]
public sealed class ClusterTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sp-cluster-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => TempFolders.Delete(_dataDirectory);

    [Fact]
    public async Task Two_hosts_serve_one_province_and_the_survivor_takes_over_when_one_is_killed()
    {
        var database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("cluster"), Token);
        string[] cluster = [.. PostgresHostTests.Settings(database).SelectMany(s => new[] { "--" + s.Key, s.Value })];
        await using var a = await HostProcess.StartAsync(_dataDirectory, Token, cluster);
        await using var b = await HostProcess.StartAsync(_dataDirectory, Token, cluster);

        // Commands on each journey alternate between the hosts. Were a journey activated on both, the
        // second activation's stale version would make its append conflict.
        var journeys = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var id = await Api.CreateJourneyAsync(i % 2 == 0 ? a.Client : b.Client);
            await Api.CommandOkAsync(i % 2 == 0 ? b.Client : a.Client, id, "accept", new { linkWorkerId = "lw-cluster" });
            await Api.CommandOkAsync(i % 2 == 0 ? a.Client : b.Client, id, "record-contact", new { mode = "phone" });
            await Api.CommandOkAsync(i % 2 == 0 ? b.Client : a.Client, id, "record-what-matters", new { items = new[] { "Company" } });
            journeys.Add(id);
        }

        foreach (var id in journeys)
        {
            var seenByA = await Api.GetJourneyAsync(a.Client, id);
            var seenByB = await Api.GetJourneyAsync(b.Client, id);
            Assert.Equal(4, seenByB["version"]!.GetValue<int>());
            Assert.Equal(seenByA.ToJsonString(), seenByB.ToJsonString());
        }

        await a.KillAsync();
        var clock = Stopwatch.StartNew();
        foreach (var id in journeys)
        {
            var response = await PostgresHostTests.EventuallyAsync(
                () => b.Client.PostAsJsonAsync($"{Api.Journeys()}/{id}/agree-plan", new { goals = new[] { "Join a choir" } }, Token),
                PostgresHostTests.IsOk,
                TimeSpan.FromSeconds(60) - clock.Elapsed);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{id}: {(int)response.StatusCode} after {clock.Elapsed}: {await response.Content.ReadAsStringAsync(Token)}");
            var journey = await Api.GetJourneyAsync(b.Client, id);
            Assert.Equal(5, journey["version"]!.GetValue<int>());
            Assert.Equal(Enumerable.Range(1, 5), journey["timeline"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"the survivor took {clock.Elapsed} to serve every journey");
        TestContext.Current.SendDiagnosticMessage($"Survivor served all journeys {clock.Elapsed.TotalSeconds:F1} s after the kill.");
    }
}
