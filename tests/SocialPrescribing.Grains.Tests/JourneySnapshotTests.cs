using System.Text.Json;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Tests;

/// <summary>
/// Long journeys keep snapshots: an activation restored from one holds the same state, answers the same views and
/// recognises the same repeated commands as one that replays the whole stream, and reads the earlier events only when
/// something asks for them.
/// </summary>
public sealed class JourneySnapshotTests(JourneyClusterFixture fixture) : IClassFixture<JourneyClusterFixture>
{
    private static readonly TenantId Alberta = TestTenants.Alberta.Id;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private IJourneyGrain Journey(Guid id) => fixture.Grains.GetGrain<IJourneyGrain>(id, Alberta.Value);

    /// <summary>A journey of <paramref name="events"/> events, a minute apart; the command ids of its contacts, in order.</summary>
    private async Task<(Guid Id, List<Guid> Contacts)> LongJourneyAsync(int events)
    {
        var id = Guid.NewGuid();
        var grain = Journey(id);
        var contacts = new List<Guid>();
        async Task StepAsync(JourneyCommand command)
        {
            fixture.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(CommandOutcomeKind.Applied, (await grain.Execute(command)).Kind);
        }

        await StepAsync(JourneyCommands.Referral());
        await StepAsync(JourneyCommands.Accept());
        await StepAsync(JourneyCommands.Contact(purpose: "first call"));
        await StepAsync(new RecordWhatMatters(["Getting out of the house"]) { CommandId = Guid.NewGuid(), Actor = "lw-42" });
        await StepAsync(new AgreePlan(["Join the Tuesday walking group"]) { CommandId = Guid.NewGuid(), Actor = "lw-42" });
        await StepAsync(JourneyCommands.RiskyPhq9());
        while ((await grain.GetState()).Version < events)
        {
            var contact = Guid.NewGuid();
            contacts.Add(contact);
            await StepAsync(JourneyCommands.Contact(contact, purpose: $"call {contacts.Count}"));
        }

        return (id, contacts);
    }

    /// <summary>The state folded from every stored event, as a replay with no snapshot folds it.</summary>
    private async Task<string> ReplayedStateAsync(Guid id) =>
        Json(JourneyState.Fold((await fixture.Store.ReadAsync(Alberta, id, Token)).Select(e => JourneyJson.Deserialize(e.Data))));

    private static string Json(JourneyState state) => JsonSerializer.Serialize(state, JourneyJson.Options);

    [Fact]
    public async Task A_long_journey_is_restored_from_its_snapshot_without_reading_its_whole_stream()
    {
        var (id, _) = await LongJourneyAsync(250);
        var before = await Journey(id).GetView(null, new TimelineWindow(null, TimelineWindow.DefaultLimit));
        var tail = await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token);
        Assert.Equal(200, tail.Snapshot?.Version);

        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        var readsBefore = fixture.Store.WholeStreamReads(id);
        var after = await Journey(id).GetView(null, new TimelineWindow(null, TimelineWindow.DefaultLimit));

        Assert.Equal(readsBefore, fixture.Store.WholeStreamReads(id));
        Assert.Equal(Json(before.State), Json(after.State));
        Assert.Equal(await ReplayedStateAsync(id), Json(after.State));
        Assert.Equal(before.AllowedCommands, after.AllowedCommands);
        Assert.Equal(150, after.EventsBefore);
        Assert.Equal(Enumerable.Range(151, 100).Select(v => (long)v), after.TimelineVersions);
        Assert.Equal(before.Timeline.Select(JourneyJson.Serialize), after.Timeline.Select(JourneyJson.Serialize));
    }

    [Fact]
    public async Task Commands_after_a_restore_continue_the_stream_and_the_next_snapshot_holds_them()
    {
        var (id, _) = await LongJourneyAsync(180);
        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(181 + i, (await Journey(id).Execute(JourneyCommands.Contact(purpose: $"after {i}"))).Version);
        }

        Assert.Equal(200, (await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot?.Version);
        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        Assert.Equal(await ReplayedStateAsync(id), Json(await Journey(id).GetState()));
        Assert.Equal(210, (await Journey(id).GetState()).Version);
    }

    [Fact]
    public async Task Earlier_windows_past_and_repeated_commands_read_the_events_before_the_snapshot_once()
    {
        var (id, contacts) = await LongJourneyAsync(230);
        var stored = await fixture.Store.ReadAsync(Alberta, id, Token);
        var whole = await Journey(id).GetView(null);
        var firstContact = await Journey(id).GetView(stored[5].OccurredAt);
        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        var reads = fixture.Store.WholeStreamReads(id);

        // A command from before the snapshot, repeated: the first result, nothing appended.
        var again = await Journey(id).Execute(JourneyCommands.Contact(contacts[0], purpose: "call 1"));
        var index = stored.Select(e => e.CommandId).ToList().IndexOf(contacts[0]);
        Assert.Equal((CommandOutcomeKind.Replayed, index + 1L), (again.Kind, again.Version));
        Assert.Equal(JourneyJson.Serialize(whole.Timeline[index]), JourneyJson.Serialize(Assert.Single(again.Events)));
        Assert.Equal(reads + 1, fixture.Store.WholeStreamReads(id));

        // The first window and a past moment, from the events now held.
        var earliest = await Journey(id).GetView(null, new TimelineWindow(11, 10));
        Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), earliest.TimelineVersions);
        Assert.Equal(whole.Timeline.Take(10).Select(JourneyJson.Serialize), earliest.Timeline.Select(JourneyJson.Serialize));
        var past = await Journey(id).GetView(stored[5].OccurredAt);
        Assert.Equal(Json(firstContact.State), Json(past.State));
        Assert.Equal(stored.Count(e => e.OccurredAt <= stored[5].OccurredAt), past.Timeline.Length);
        Assert.Equal(firstContact.Timeline.Length, past.Timeline.Length);
        Assert.Equal(reads + 1, fixture.Store.WholeStreamReads(id));
        Assert.Equal(230, (await fixture.Store.ReadAsync(Alberta, id, Token)).Count);
    }

    [Fact]
    public async Task A_snapshot_of_another_build_or_unreadable_is_passed_over_and_replaced()
    {
        var (id, _) = await LongJourneyAsync(120);
        var expected = await ReplayedStateAsync(id);

        // Another build's snapshot replaces this one's in storage; this build replays, then keeps its own again.
        await fixture.Store.SaveSnapshotAsync(Alberta, id, new JourneySnapshot("journey/another-build", 120, new byte[] { 1, 2, 3 }), Token);
        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        Assert.Equal(expected, Json(await Journey(id).GetState()));
        Assert.Equal(120, (await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot?.Version);

        // This build's kind with bytes it cannot read: replayed, and mended.
        await fixture.Store.SaveSnapshotAsync(Alberta, id, new JourneySnapshot(JourneyGrain.SnapshotKind, 120, new byte[] { 9, 9, 9 }), Token);
        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        var reads = fixture.Store.WholeStreamReads(id);
        Assert.Equal(expected, Json(await Journey(id).GetState()));
        Assert.Equal(reads + 1, fixture.Store.WholeStreamReads(id));
        Assert.NotEqual([9, 9, 9], (await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot!.Data.ToArray());

        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());
        Assert.Equal(expected, Json(await Journey(id).GetState()));
        Assert.Equal(reads + 1, fixture.Store.WholeStreamReads(id));
    }

    [Fact]
    public async Task An_active_journey_keeps_snapshots_as_it_doubles_and_an_ending_activation_keeps_its_state()
    {
        var (id, _) = await LongJourneyAsync(350);
        Assert.Equal(200, (await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot?.Version);

        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());

        await WaitForSnapshotAsync(id, 350);
        var reads = fixture.Store.WholeStreamReads(id);
        var restored = Json(await Journey(id).GetState());
        Assert.Equal(reads, fixture.Store.WholeStreamReads(id));
        Assert.Equal(await ReplayedStateAsync(id), restored);
    }

    /// <summary>Deactivation finishes after the call that asked for it returns: waits for its snapshot.</summary>
    private async Task WaitForSnapshotAsync(Guid id, long version)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if ((await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot?.Version == version)
            {
                return;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail($"No snapshot at version {version}.");
    }

    [Fact]
    public async Task A_short_journey_keeps_no_snapshot()
    {
        var (id, _) = await LongJourneyAsync(JourneyGrain.SnapshotEvery - 1);

        await fixture.Cluster.DeactivateAsync(Journey(id).GetGrainId());

        Assert.Equal(JourneyGrain.SnapshotEvery - 1, (await Journey(id).GetState()).Version);
        Assert.Null((await fixture.Store.ReadTailAsync(Alberta, id, JourneyGrain.SnapshotKind, 0, Token)).Snapshot);
    }
}
