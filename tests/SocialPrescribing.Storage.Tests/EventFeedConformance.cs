using System.Collections.Concurrent;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// The ordered feed, the same on every engine: committed events once each, in commit order, consumed under durable
/// checkpoints that move only when the consumer has handled its events.
/// </summary>
public abstract class EventFeedConformance : JourneyStoreConformance
{
    protected IEventFeed Feed => (IEventFeed)Store;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// Consumes under <paramref name="consumer"/> until it has handled <paramref name="expected"/> events and nothing more
    /// comes, and returns them in the order handled. On PostgreSQL an event becomes readable once every transaction
    /// that started before its own has finished, anywhere on the server (other tests' included), so this waits a while.
    /// </summary>
    protected async Task<List<FeedEvent>> DrainAsync(string consumer, int expected = 0, int max = 100)
    {
        var handled = new List<FeedEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var count = await Feed.ConsumeAsync(consumer, max, (events, _) => { handled.AddRange(events); return Task.CompletedTask; }, Token);
            if (count == 0 && (handled.Count >= expected || DateTime.UtcNow > deadline))
            {
                return handled;
            }

            if (count == 0)
            {
                await Task.Delay(50, Token);
            }
        }
    }

    protected IProjectionTallies Tallies => (IProjectionTallies)Store;

    private static readonly DateOnly Day1 = new(2026, 11, 24);

    /// <summary>A projection's tally: each event counts one under its type, on the day its minute (in the test data) says.</summary>
    private static IEnumerable<TallyChange> ByType(IReadOnlyList<FeedEvent> events) =>
        events.Select(e => new TallyChange(e.Tenant, Day1.AddDays(e.Event.OccurredAt.Minute % 2), e.Event.Type, 1));

    /// <summary>Tallies under <paramref name="projection"/> until <paramref name="expected"/> events have been counted and nothing more comes.</summary>
    private async Task<int> TallyAllAsync(string projection, int expected, Func<IReadOnlyList<FeedEvent>, IEnumerable<TallyChange>>? tally = null)
    {
        var counted = 0;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var count = await Tallies.TallyAsync(projection, 2, null, tally ?? ByType, Token);
            counted += count;
            if (count == 0 && (counted >= expected || DateTime.UtcNow > deadline))
            {
                return counted;
            }

            if (count == 0)
            {
                await Task.Delay(50, Token);
            }
        }
    }

    private async Task<string> TalliesOfAsync(Abstractions.TenantId tenant, string projection = "by-type") =>
        string.Join(", ", (await Tallies.ReadTalliesAsync(tenant, projection, Day1, Day1.AddDays(1), Token)).Select(r => $"{r.Day:MM-dd} {r.Key}={r.Count}"));

    [Fact]
    public async Task A_tally_projection_counts_every_committed_event_once_per_tenant()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived"), Event("ReferralAccepted", minute: 1)]), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived", minute: 2)]), Token);
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event("ReferralReceived")]), Token);

        Assert.Equal(4, await TallyAllAsync("by-type", 4));
        Assert.Equal("11-24 ReferralReceived=2, 11-25 ReferralAccepted=1", await TalliesOfAsync(Alberta));
        Assert.Equal("11-24 ReferralReceived=1", await TalliesOfAsync(Ontario));

        // Read again: nothing new, nothing counted twice. Then one more event counts once.
        Assert.Equal(0, await Tallies.TallyAsync("by-type", 10, null, ByType, Token));
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event("ReferralReceived", minute: 4)]), Token);
        Assert.Equal(1, await TallyAllAsync("by-type", 1));
        Assert.Equal("11-24 ReferralReceived=2", await TalliesOfAsync(Ontario));
        Assert.Equal("", await TalliesOfAsync(Alberta, "another-projection"));
    }

    [Fact]
    public async Task A_tally_projection_that_fails_counts_nothing_and_reads_the_same_events_again()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived"), Event("ReferralAccepted", minute: 1)]), Token);
        await DrainAsync("wait-for-commit", 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Tallies.TallyAsync("by-type", 10, null, events => throw new InvalidOperationException("projection fault"), Token));
        Assert.Equal("", await TalliesOfAsync(Alberta));

        Assert.Equal(2, await TallyAllAsync("by-type", 2));
        Assert.Equal("11-24 ReferralReceived=1, 11-25 ReferralAccepted=1", await TalliesOfAsync(Alberta));
    }

    [Fact]
    public async Task Clearing_a_tally_projection_empties_it_and_it_counts_from_the_first_event_again()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event("ReferralReceived"), Event("ReferralAccepted", minute: 1)]), Token);
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event("ReferralReceived")]), Token);
        Assert.Equal(3, await TallyAllAsync("by-type", 3));
        Assert.Equal(3, await TallyAllAsync("other", 3));

        await Tallies.ClearTalliesAsync("by-type", Token);

        Assert.Equal("", await TalliesOfAsync(Alberta));
        Assert.Equal("", await TalliesOfAsync(Ontario));
        Assert.Equal("11-24 ReferralReceived=1", await TalliesOfAsync(Ontario, "other"));
        Assert.Equal(3, await TallyAllAsync("by-type", 3));
        Assert.Equal("11-24 ReferralReceived=1, 11-25 ReferralAccepted=1", await TalliesOfAsync(Alberta));
    }

    [Fact]
    public async Task The_feed_delivers_every_committed_event_once_in_commit_order_with_its_stream()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, first, 0, [Event("ReferralReceived"), Event("ReferralAccepted", minute: 1)]), Token);
        await Store.AppendAsync(Append(Ontario, second, 0, [Event("ReferralReceived", minute: 2)]), Token);
        await Store.AppendAsync(Append(Alberta, first, 2, [Event("ContactRecorded", minute: 3)]), Token);

        var handled = await DrainAsync("test.order", expected: 4, max: 2);

        Assert.Equal(
            [(Alberta, first, 1L), (Alberta, first, 2L), (Ontario, second, 1L), (Alberta, first, 3L)],
            handled.Select(e => (e.Tenant, e.JourneyId, e.Event.Version)));
        Assert.Equal(["ReferralReceived", "ReferralAccepted", "ReferralReceived", "ContactRecorded"], handled.Select(e => e.Event.Type));
        Assert.Equal(handled.Select(e => e.Position).Order(), handled.Select(e => e.Position));
        Assert.Equal(handled.Count, handled.Select(e => e.Position).Distinct().Count());
        Assert.Equal(handled[^1].Position, await Feed.CheckpointAsync("test.order", Token));
        Assert.Equal(handled[^1].Position, await Feed.HeadAsync(Token));
        Assert.Empty(await DrainAsync("test.order"));
    }

    [Fact]
    public async Task Only_events_committed_after_the_checkpoint_come_next_time()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()]), Token);
        await DrainAsync("test.next", expected: 1);
        var later = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, later, 0, [Event("Later")]), Token);

        var handled = await DrainAsync("test.next", expected: 1);

        Assert.Equal([later], handled.Select(e => e.JourneyId));
    }

    [Fact]
    public async Task A_consumer_that_fails_keeps_its_checkpoint_and_gets_the_same_events_again()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event(), Event()]), Token);
        await DrainAsync("test.failing", expected: 2);
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event("Fails")]), Token);
        var before = await Feed.CheckpointAsync("test.failing", Token);
        await DrainAsync("test.failing.visible", expected: 3);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Feed.ConsumeAsync("test.failing", 10, (_, _) => throw new InvalidOperationException("reaction failed"), Token));

        Assert.Equal(before, await Feed.CheckpointAsync("test.failing", Token));
        Assert.Equal([journey], (await DrainAsync("test.failing", expected: 1)).Select(e => e.JourneyId));
    }

    [Fact]
    public async Task Consumers_keep_their_own_checkpoints_and_a_reset_replays_from_where_it_is_set()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event(), Event(), Event()]), Token);
        var all = await DrainAsync("test.a", expected: 3);

        Assert.Null(await Feed.CheckpointAsync("test.b", Token));
        Assert.Equal(all.Select(e => e.Position), (await DrainAsync("test.b", expected: 3)).Select(e => e.Position));

        await Feed.ResetAsync("test.a", all[0].Position, Token);
        Assert.Equal(all.Skip(1).Select(e => e.Position), (await DrainAsync("test.a", expected: 2)).Select(e => e.Position));
        await Feed.ResetAsync("test.a", FeedPosition.Start, Token);
        Assert.Equal(all.Count, (await DrainAsync("test.a", expected: 3)).Count);
    }

    [Fact]
    public async Task While_one_caller_consumes_under_a_name_another_gets_nothing()
    {
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()]), Token);
        await DrainAsync("test.lease.visible", expected: 1);
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var first = Feed.ConsumeAsync("test.lease", 10, async (_, _) =>
        {
            inside.SetResult();
            await release.Task;
        }, Token);
        await inside.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);

        var second = await Feed.ConsumeAsync("test.lease", 10, (_, _) => Task.CompletedTask, Token);
        release.SetResult();

        Assert.Equal(0, second);
        Assert.Equal(1, await first);
    }

    [Fact]
    public async Task Appends_from_many_writers_reach_the_feed_exactly_once_each()
    {
        var journeys = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid()).ToList();
        await DrainAsync("test.many");

        await Parallel.ForEachAsync(journeys, Token, async (journey, ct) =>
        {
            await Store.AppendAsync(Append(Alberta, journey, 0, [Event()]), ct);
            await Store.AppendAsync(Append(Alberta, journey, 1, [Event(), Event()], Summary("accepted")), ct);
        });
        var seen = new ConcurrentBag<FeedEvent>();
        foreach (var handled in await DrainAsync("test.many", expected: journeys.Count * 3, max: 7))
        {
            seen.Add(handled);
        }

        Assert.Equal(journeys.Count * 3, seen.Count);
        Assert.All(journeys, j => Assert.Equal([1L, 2L, 3L], seen.Where(e => e.JourneyId == j).OrderBy(e => e.Position).Select(e => e.Event.Version)));
    }

    [Fact]
    public async Task A_consumer_of_some_types_gets_only_those_and_its_checkpoint_passes_the_others()
    {
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event("ReferralReceived"), Event("ReferralAccepted", minute: 1), Event("ContactRecorded", minute: 2)]), Token);
        var all = await DrainAsync("test.types.visible", expected: 3);
        var only = new HashSet<string> { "ReferralAccepted" };

        var handled = await DrainOfAsync("test.types", only, expected: 1);

        var accepted = Assert.Single(handled);
        Assert.Equal(2L, accepted.Event.Version);
        Assert.Equal("{\"type\":\"ReferralAccepted\",\"n\":1}", accepted.Event.Data);
        Assert.Equal(all[^1].Position, await Feed.CheckpointAsync("test.types", Token));

        // Events of other types only: nothing is handed over, and the checkpoint still moves past them.
        await Store.AppendAsync(Append(Alberta, journey, 3, [Event("ContactRecorded", minute: 3)]), Token);
        var later = await DrainAsync("test.types.visible", expected: 1);
        Assert.Empty(await DrainOfAsync("test.types", only, until: later[^1].Position));
        Assert.Equal(later[^1].Position, await Feed.CheckpointAsync("test.types", Token));
    }

    /// <summary>Consumes events of <paramref name="only"/> until <paramref name="expected"/> came and the checkpoint reached <paramref name="until"/>.</summary>
    protected async Task<List<FeedEvent>> DrainOfAsync(string consumer, IReadOnlySet<string> only, int expected = 0, FeedPosition? until = null)
    {
        var handled = new List<FeedEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var count = await Feed.ConsumeAsync(consumer, 100, only, (events, _) => { handled.AddRange(events); return Task.CompletedTask; }, Token);
            var reached = until is null || await Feed.CheckpointAsync(consumer, Token) >= until;
            if (count == 0 && ((handled.Count >= expected && reached) || DateTime.UtcNow > deadline))
            {
                return handled;
            }

            if (count == 0)
            {
                await Task.Delay(50, Token);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("Reactions")]
    [InlineData("a b")]
    public async Task A_consumer_name_outside_the_rule_is_refused(string consumer)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Feed.ConsumeAsync(consumer, 1, (_, _) => Task.CompletedTask, Token));
    }
}
