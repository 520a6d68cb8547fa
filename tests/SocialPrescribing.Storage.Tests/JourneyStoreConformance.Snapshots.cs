namespace SocialPrescribing.Storage.Tests;

/// <summary>Journey snapshots: read with the events after them, kept newest first per kind, never across tenants.</summary>
public abstract partial class JourneyStoreConformance
{
    private const string KindA = "journey/build-a";
    private const string KindB = "journey/build-b";

    private async Task<Guid> StreamOfAsync(int events)
    {
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [.. Enumerable.Range(0, events).Select(i => Event(minute: i))]), Token);
        return journey;
    }

    private static JourneySnapshot Snapshot(string kind, long version, byte fill) => new(kind, version, Enumerable.Repeat(fill, 300).ToArray());

    [Fact]
    public async Task Without_a_snapshot_the_tail_is_the_whole_stream()
    {
        var journey = await StreamOfAsync(30);

        var tail = await Store.ReadTailAsync(Alberta, journey, KindA, 5, Token);

        Assert.Null(tail.Snapshot);
        Assert.Equal(Enumerable.Range(1, 30).Select(v => (long)v), tail.Events.Select(e => e.Version));
        Assert.Empty((await Store.ReadTailAsync(Alberta, Guid.NewGuid(), KindA, 5, Token)).Events);
    }

    [Fact]
    public async Task A_snapshot_reads_back_with_the_events_from_a_few_before_it()
    {
        var journey = await StreamOfAsync(30);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 20, 7), Token);

        var tail = await Store.ReadTailAsync(Alberta, journey, KindA, 5, Token);

        var snapshot = Assert.IsType<JourneySnapshot>(tail.Snapshot);
        Assert.Equal((KindA, 20L), (snapshot.Kind, snapshot.Version));
        Assert.Equal(Enumerable.Repeat((byte)7, 300), snapshot.Data.ToArray());
        Assert.Equal(Enumerable.Range(16, 15).Select(v => (long)v), tail.Events.Select(e => e.Version));
        Assert.Equal("{\"type\":\"ContactRecorded\",\"n\":29}", tail.Events[^1].Data);

        // Fewer events before the snapshot than asked for: from the first.
        var early = await Store.ReadTailAsync(Alberta, journey, KindA, 50, Token);
        Assert.Equal(Enumerable.Range(1, 30).Select(v => (long)v), early.Events.Select(e => e.Version));
    }

    [Fact]
    public async Task A_snapshot_of_another_kind_is_not_read_and_the_whole_stream_is()
    {
        var journey = await StreamOfAsync(12);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 10, 1), Token);

        var tail = await Store.ReadTailAsync(Alberta, journey, KindB, 2, Token);

        Assert.Null(tail.Snapshot);
        Assert.Equal(12, tail.Events.Count);
    }

    [Fact]
    public async Task The_newest_snapshot_is_kept_and_another_builds_replaces_any()
    {
        var journey = await StreamOfAsync(40);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 20, 1), Token);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 30, 2), Token);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 25, 3), Token);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 30, 4), Token);

        // An older one is refused; one of the same version replaces it (so an unreadable one is mended).
        var kept = (await Store.ReadTailAsync(Alberta, journey, KindA, 0, Token)).Snapshot!;
        Assert.Equal((30L, (byte)4), (kept.Version, kept.Data.Span[0]));

        // A build that folds differently writes its own, even at an older version; the first build's is then gone.
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindB, 10, 5), Token);
        var replaced = (await Store.ReadTailAsync(Alberta, journey, KindB, 0, Token)).Snapshot!;
        Assert.Equal((10L, (byte)5), (replaced.Version, replaced.Data.Span[0]));
        Assert.Null((await Store.ReadTailAsync(Alberta, journey, KindA, 0, Token)).Snapshot);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_snapshots()
    {
        var journey = await StreamOfAsync(10);
        await Store.AppendAsync(Append(Ontario, journey, 0, [Event(), Event()]), Token);
        await Store.SaveSnapshotAsync(Alberta, journey, Snapshot(KindA, 10, 9), Token);

        var ontario = await Store.ReadTailAsync(Ontario, journey, KindA, 0, Token);

        Assert.Null(ontario.Snapshot);
        Assert.Equal(2, ontario.Events.Count);
        await Store.SaveSnapshotAsync(Ontario, journey, Snapshot(KindA, 2, 8), Token);
        Assert.Equal((byte)9, (await Store.ReadTailAsync(Alberta, journey, KindA, 0, Token)).Snapshot!.Data.Span[0]);
        Assert.Equal((byte)8, (await Store.ReadTailAsync(Ontario, journey, KindA, 0, Token)).Snapshot!.Data.Span[0]);
    }
}
