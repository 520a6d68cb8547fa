using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>Reactions come from the event feed: a committed event whose host died before reacting is reacted to after a restart.</summary>
[Collection(HostCollection.Name)]
public sealed class ReactionOutboxTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_referral_to_a_provider_committed_without_its_reaction_schedules_its_answer_check_once_a_host_consumes_the_feed()
    {
        var database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("outbox"), Token);
        var data = TempFolders.New("sp-outbox");
        // Each host its own cluster: what is tested is the feed, not how long a dead silo takes to be voted out.
        string[] Arguments() => ["--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", database, "--Orleans:AdvertisedIPAddress", "127.0.0.1", "--Orleans:ClusterId", PostgresServer.UniqueName("cluster")];
        try
        {
            Guid id;
            await using (var first = await HostProcess.StartAsync(data, Token, [.. Arguments(), "--Jobs:Reactions:Enabled", "false"]))
            {
                var place = await ImportProviderAsync(first.Client);
                id = await Api.EngagedJourneyAsync(first.Client);
                await Api.CommandOkAsync(first.Client, id, "make-community-referral", new { serviceAtLocationId = place });
                await Task.Delay(TimeSpan.FromSeconds(2), Token);
                Assert.Equal(0L, await JobsForAsync(database, id));

                // Killed as a crash would: the referral is committed, its reaction (the provider's answer check) never happened.
                await first.KillAsync();
            }

            await using var second = await HostProcess.StartAsync(data, Token, Arguments());
            await Api.EventuallyAsync(async () => await JobsForAsync(database, id) > 0, "the restarted host schedules the answer check");
            await Task.Delay(TimeSpan.FromSeconds(1), Token);
            Assert.Equal(1L, await JobsForAsync(database, id));
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    /// <summary>A provider in the tenant's directory (an organization with one service at one place); returns the place's id.</summary>
    private static async Task<Guid> ImportProviderAsync(HttpClient http)
    {
        var place = Guid.NewGuid();
        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "Outbox Walking Group",
            ["status"] = "active",
            ["description"] = "A walk every week.",
            ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Outbox Walkers Society", ["description"] = "A community organization." },
            ["service_at_locations"] = new JsonArray(new JsonObject
            {
                ["id"] = place.ToString(),
                ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["name"] = "Outbox hall" },
            }),
        };
        using var response = await http.PostAsJsonAsync("/api/v1/tenants/" + Api.Tenant + "/directory/imports", new JsonArray(service), Token);
        Assert.Equal(0, (await Api.ReadAsync(response))["rejected"]!.GetValue<int>());
        return place;
    }

    private static Task<long> JobsForAsync(string database, Guid journeyId) =>
        PostgresHostTests.ScalarAsync<long>(database, $"SELECT COUNT(*) FROM hangfire.job WHERE arguments::text LIKE '%{journeyId}%'");
}
