using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// What every storage engine must do for record streams (<see cref="IRecordStreamStore"/>), as one set of tests.
/// Each engine's test class derives from this and supplies a fresh, isolated store per test.
/// </summary>
public abstract class RecordStreamStoreConformance
{
    protected const string Training = "link-worker-training";
    protected static readonly TenantId Alberta = TenantId.Parse("ab");
    protected static readonly TenantId Ontario = TenantId.Parse("on");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The store under test as a record stream store.</summary>
    protected abstract IRecordStreamStore Records { get; }

    /// <summary>The same store as a journey store, to show the two never mix.</summary>
    protected abstract IJourneyStore Journeys { get; }

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected static NewEvent Record(string type = "CourseCompleted", Guid? commandId = null, int minute = 0) =>
        new(type, $"{{\"type\":\"{type}\",\"n\":{minute}}}", commandId ?? Guid.NewGuid(), "lw-1", T0.AddMinutes(minute));

    protected static RecordAppend Append(TenantId tenant, string streamId, long expected, IReadOnlyList<NewEvent> records, string kind = Training) =>
        new(tenant, kind, streamId, expected, records);

    [Fact]
    public async Task Appended_records_read_back_in_order_with_versions_from_one()
    {
        var command = Guid.NewGuid();
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record("Enrolled", command), Record("Attended", command, 1)]), Token);
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 2, [Record("CourseCompleted", minute: 2)]), Token);

        var records = await Records.ReadStreamAsync(Alberta, Training, "lw-1", Token);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Version));
        Assert.Equal(["Enrolled", "Attended", "CourseCompleted"], records.Select(r => r.Type));
        Assert.Equal(command, records[1].CommandId);
        Assert.Equal("lw-1", records[0].Actor);
        Assert.Equal(T0.AddMinutes(2), records[2].OccurredAt);
        Assert.Equal("{\"type\":\"CourseCompleted\",\"n\":2}", records[2].Data);
    }

    [Fact]
    public async Task Times_are_kept_to_the_microsecond_whatever_their_offset()
    {
        var at = new DateTimeOffset(2026, 11, 24, 17, 30, 5, TimeSpan.FromHours(2)).AddTicks(1_234_560);
        await Records.AppendStreamAsync(Append(Alberta, "lw-time", 0, [Record() with { OccurredAt = at }]), Token);

        var stored = Assert.Single(await Records.ReadStreamAsync(Alberta, Training, "lw-time", Token));

        Assert.Equal(at, stored.OccurredAt);
        Assert.Equal(at.UtcTicks, stored.OccurredAt.UtcTicks);
    }

    [Fact]
    public async Task A_stream_that_was_never_written_reads_empty()
    {
        Assert.Empty(await Records.ReadStreamAsync(Alberta, Training, "nobody", Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task An_append_at_the_wrong_version_conflicts_and_stores_nothing(long expected)
    {
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()]), Token);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Records.AppendStreamAsync(Append(Alberta, "lw-1", expected, [Record(), Record()]), Token));

        Assert.Equal([1L], (await Records.ReadStreamAsync(Alberta, Training, "lw-1", Token)).Select(r => r.Version));
    }

    [Fact]
    public async Task An_append_to_a_stream_that_does_not_exist_must_expect_version_zero()
    {
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Records.AppendStreamAsync(Append(Alberta, "lw-new", 1, [Record()]), Token));

        Assert.Empty(await Records.ReadStreamAsync(Alberta, Training, "lw-new", Token));
        Assert.Empty(await Records.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task Tenants_and_kinds_never_see_each_others_streams()
    {
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()]), Token);
        await Records.AppendStreamAsync(Append(Ontario, "lw-1", 0, [Record(), Record()]), Token);
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record(), Record(), Record()], kind: "supervision"), Token);

        Assert.Single(await Records.ReadStreamAsync(Alberta, Training, "lw-1", Token));
        Assert.Equal([1L, 2L], (await Records.ReadStreamAsync(Ontario, Training, "lw-1", Token)).Select(r => r.Version));
        Assert.Equal([1L, 2L, 3L], (await Records.ReadStreamAsync(Alberta, "supervision", "lw-1", Token)).Select(r => r.Version));
        Assert.Empty(await Records.ReadStreamAsync(Ontario, "supervision", "lw-1", Token));

        // Each stream keeps its own version: appending to one moves no other.
        await Records.AppendStreamAsync(Append(Alberta, "lw-1", 1, [Record()]), Token);
        Assert.Equal(2, (await Records.ReadStreamAsync(Ontario, Training, "lw-1", Token)).Count);
        Assert.Equal(3, (await Records.ReadStreamAsync(Alberta, "supervision", "lw-1", Token)).Count);
    }

    [Fact]
    public async Task Concurrent_appenders_to_one_stream_each_win_or_conflict_and_leave_no_gap()
    {
        await Records.AppendStreamAsync(Append(Alberta, "lw-race", 0, [Record()]), Token);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                await Records.AppendStreamAsync(Append(Alberta, "lw-race", 1, [Record(), Record()]), Token);
                return true;
            }
            catch (StreamVersionConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal([1L, 2L, 3L], (await Records.ReadStreamAsync(Alberta, Training, "lw-race", Token)).Select(r => r.Version));
    }

    [Fact]
    public async Task Concurrent_appenders_that_start_a_stream_each_win_or_conflict()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async n =>
        {
            try
            {
                await Records.AppendStreamAsync(Append(Alberta, "lw-first", 0, [Record(minute: n)]), Token);
                return true;
            }
            catch (StreamVersionConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal([1L], (await Records.ReadStreamAsync(Alberta, Training, "lw-first", Token)).Select(r => r.Version));
        Assert.Equal(["lw-first"], await Records.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task Many_concurrent_appenders_on_different_streams_all_commit()
    {
        var streams = Enumerable.Range(0, 16).Select(n => $"lw-{n}").ToArray();

        await Task.WhenAll(streams.Select(async stream =>
        {
            for (var version = 0; version < 5; version++)
            {
                await Records.AppendStreamAsync(Append(Alberta, stream, version, [Record(minute: version)]), Token);
            }
        }));

        foreach (var stream in streams)
        {
            Assert.Equal(Enumerable.Range(1, 5).Select(v => (long)v), (await Records.ReadStreamAsync(Alberta, Training, stream, Token)).Select(r => r.Version));
        }
    }

    [Fact]
    public async Task A_thousand_records_in_one_append_read_back_whole()
    {
        await Records.AppendStreamAsync(Append(Alberta, "lw-big", 0, [.. Enumerable.Range(0, 1000).Select(i => Record(minute: i))]), Token);

        var records = await Records.ReadStreamAsync(Alberta, Training, "lw-big", Token);

        Assert.Equal(Enumerable.Range(1, 1000).Select(v => (long)v), records.Select(r => r.Version));
        Assert.Equal(T0.AddMinutes(999), records[^1].OccurredAt);
    }

    [Fact]
    public async Task Streams_are_listed_per_tenant_and_kind_in_ordinal_order()
    {
        // Ordinal order is UTF-16 order: a surrogate pair (U+1F600) sorts before U+FF21, unlike code point order.
        string[] ids = ["lw-b", "lw-a", "LW-C", "\uFF21", "\U0001F600", "lw-a-2"];
        foreach (var id in ids)
        {
            await Records.AppendStreamAsync(Append(Alberta, id, 0, [Record()]), Token);
        }

        await Records.AppendStreamAsync(Append(Alberta, "lw-a", 1, [Record(), Record()]), Token);
        await Records.AppendStreamAsync(Append(Ontario, "lw-on", 0, [Record()]), Token);
        await Records.AppendStreamAsync(Append(Alberta, "lw-sup", 0, [Record()], kind: "supervision"), Token);

        Assert.Equal(ids.Order(StringComparer.Ordinal), await Records.ListStreamsAsync(Alberta, Training, Token));
        Assert.Equal(["lw-on"], await Records.ListStreamsAsync(Ontario, Training, Token));
        Assert.Equal(["lw-sup"], await Records.ListStreamsAsync(Alberta, "supervision", Token));
        Assert.Empty(await Records.ListStreamsAsync(Ontario, "supervision", Token));
        Assert.Empty(await Records.ListStreamsAsync(Alberta, "nothing-here", Token));
    }

    [Fact]
    public async Task Kinds_and_ids_at_their_limits_and_any_characters_round_trip()
    {
        var kind = "a-0" + new string('z', 29);
        const string Awkward = "lw/\u00e9 'x\" %_\\ \U0001F600 ;--";
        var id = Awkward + new string('9', 128 - Awkward.Length);

        await Records.AppendStreamAsync(Append(Alberta, id, 0, [Record()], kind), Token);

        Assert.Single(await Records.ReadStreamAsync(Alberta, kind, id, Token));
        Assert.Equal([id], await Records.ListStreamsAsync(Alberta, kind, Token));
        Assert.Empty(await Records.ReadStreamAsync(Alberta, kind, id.ToUpperInvariant(), Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Training")]
    [InlineData("link_worker")]
    [InlineData("link worker")]
    [InlineData("caf\u00e9")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task An_invalid_kind_is_rejected(string? kind)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Records.AppendStreamAsync(Append(Alberta, "lw-1", 0, [Record()], kind!), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Records.ReadStreamAsync(Alberta, kind!, "lw-1", Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Records.ListStreamsAsync(Alberta, kind!, Token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_invalid_stream_id_is_rejected(string? streamId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Records.AppendStreamAsync(Append(Alberta, streamId!, 0, [Record()]), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Records.ReadStreamAsync(Alberta, Training, streamId!, Token));
        Assert.Empty(await Records.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task A_stream_id_of_more_than_128_characters_is_rejected()
    {
        var streamId = new string('x', 129);

        await Assert.ThrowsAsync<ArgumentException>(() => Records.AppendStreamAsync(Append(Alberta, streamId, 0, [Record()]), Token));
        await Assert.ThrowsAsync<ArgumentException>(() => Records.ReadStreamAsync(Alberta, Training, streamId, Token));
        Assert.Empty(await Records.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task An_empty_append_changes_nothing()
    {
        await Records.AppendStreamAsync(Append(Alberta, "lw-empty", 0, []), Token);

        Assert.Empty(await Records.ReadStreamAsync(Alberta, Training, "lw-empty", Token));
        Assert.Empty(await Records.ListStreamsAsync(Alberta, Training, Token));
    }

    [Fact]
    public async Task Record_streams_and_journeys_never_mix()
    {
        var id = Guid.NewGuid();
        await Records.AppendStreamAsync(Append(Alberta, id.ToString(), 0, [Record(), Record()], kind: "journey"), Token);

        Assert.Empty(await Journeys.ReadAsync(Alberta, id, Token));
        var caseload = await Journeys.QueryAsync(Alberta, new JourneyQuery(null, null, 1, 100), Token);
        Assert.Equal(0, caseload.Total);
        Assert.Empty(caseload.Items);
        Assert.Empty(await Journeys.ListPendingFirstContactChecksAsync(Alberta, null, null, 100, Token));
        Assert.Empty(await Journeys.ListOutcomeMeasuresAsync(Alberta, null, T0.AddYears(10), Token));

        // A journey of the same id starts its own stream at version 1 and leaves the record stream as it was.
        var summary = new JourneySummary("referred", null, "Marie Tremblay", T0, null, false, false, T0);
        await Journeys.AppendAsync(new JourneyAppend(Alberta, id, 0, [Record("ReferralReceived")], summary), Token);

        Assert.Equal("ReferralReceived", Assert.Single(await Journeys.ReadAsync(Alberta, id, Token)).Type);
        Assert.Equal(1, (await Journeys.QueryAsync(Alberta, new JourneyQuery(null, null, 1, 100), Token)).Total);
        Assert.Equal(2, (await Records.ReadStreamAsync(Alberta, "journey", id.ToString(), Token)).Count);
        Assert.Equal([id.ToString()], await Records.ListStreamsAsync(Alberta, "journey", Token));
    }
}
