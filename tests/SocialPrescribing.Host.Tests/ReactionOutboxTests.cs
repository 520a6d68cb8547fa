using System.Net.Http.Headers;
using System.Net.Http.Json;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>Reactions come from the event feed: a committed event whose host died before reacting is reacted to after a restart.</summary>
[Collection(HostCollection.Name)]
public sealed class ReactionOutboxTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Emergency access to a journey tells the privacy officers through a job handed out by the reaction; the restarted
    /// host's feed consumer (and its start-up reconciliation, which finds the access unreported) make up for the crash,
    /// and the journey records the notice once however many jobs ran.
    /// </summary>
    [Fact]
    public async Task Emergency_access_committed_without_its_reaction_notifies_once_a_host_consumes_the_feed()
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
                id = await Api.CreateJourneyAsync(first.Client);
                await Api.CommandOkAsync(first.Client, id, "accept", new { linkWorkerId = "lw-away" });
                using (var open = new HttpRequestMessage(HttpMethod.Post, $"{Api.Journeys()}/{id}/open-emergency-access")
                {
                    Content = JsonContent.Create(new { reason = "Person phoned the crisis line; their link worker is away today." }),
                })
                {
                    open.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(data, Api.Tenant, "lw-covering", [AccessRoles.LinkWorker]));
                    using var plain = new HttpClient { BaseAddress = first.Address };
                    using var opened = await plain.SendAsync(open, Token);
                    Assert.Equal("EmergencyAccessOpened", (await Api.ReadAsync(opened))["events"]![0]!["type"]!.GetValue<string>());
                }

                await Task.Delay(TimeSpan.FromSeconds(2), Token);
                Assert.Equal(0L, await JobsForAsync(database, id));

                // Killed as a crash would: the access is committed, its reaction (telling the privacy officers) never happened.
                await first.KillAsync();
            }

            await using var second = await HostProcess.StartAsync(data, Token, Arguments());
            await Api.EventuallyAsync(async () => await JobsForAsync(database, id) > 0, "the restarted host hands out the notification");
            await Api.EventuallyAsync(async () => await NoticesAsync(database, id) > 0, "the journey records that the privacy officers were told");
            await Task.Delay(TimeSpan.FromSeconds(2), Token);
            Assert.Equal(1L, await NoticesAsync(database, id));
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private static Task<long> NoticesAsync(string database, Guid journeyId) =>
        PostgresHostTests.ScalarAsync<long>(database, $"SELECT COUNT(*) FROM social_prescribing.journey_events WHERE journey_id = '{journeyId}' AND event_type = 'EmergencyAccessNotified'");

    private static Task<long> JobsForAsync(string database, Guid journeyId) =>
        PostgresHostTests.ScalarAsync<long>(database, $"SELECT COUNT(*) FROM hangfire.job WHERE arguments::text LIKE '%{journeyId}%'");
}
