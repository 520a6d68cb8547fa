using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>Reactions come from the event feed: a committed event whose host died before reacting is reacted to after a restart.</summary>
[Collection(HostCollection.Name)]
public sealed class ReactionOutboxTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_acceptance_committed_without_its_reaction_schedules_its_check_once_a_host_consumes_the_feed()
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
                await Api.CommandOkAsync(first.Client, id, "accept", new { linkWorkerId = "lw-outbox" });
                await Task.Delay(TimeSpan.FromSeconds(2), Token);
                Assert.Equal(0L, await JobsForAsync(database, id));

                // Killed as a crash would: the acceptance is committed, its reaction never happened.
                await first.KillAsync();
            }

            await using var second = await HostProcess.StartAsync(data, Token, Arguments());
            await Api.EventuallyAsync(async () => await JobsForAsync(database, id) > 0, "the restarted host schedules the check");
            await Task.Delay(TimeSpan.FromSeconds(1), Token);
            Assert.Equal(1L, await JobsForAsync(database, id));
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private static Task<long> JobsForAsync(string database, Guid journeyId) =>
        PostgresHostTests.ScalarAsync<long>(database, $"SELECT COUNT(*) FROM hangfire.job WHERE arguments::text LIKE '%{journeyId}%'");
}
