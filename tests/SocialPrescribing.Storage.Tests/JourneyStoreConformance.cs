using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// What every storage engine must do, as one set of tests. Each engine's test class derives from this
/// and supplies a fresh, isolated store.
/// </summary>
public abstract partial class JourneyStoreConformance
{
    protected static readonly TenantId Alberta = TenantId.Parse("ab");
    protected static readonly TenantId Ontario = TenantId.Parse("on");
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    protected abstract IJourneyStore Store { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    protected static NewEvent Event(string type = "ContactRecorded", Guid? commandId = null, int minute = 0) =>
        new(type, $"{{\"type\":\"{type}\",\"n\":{minute}}}", commandId ?? Guid.NewGuid(), "lw-1", T0.AddMinutes(minute));

    protected static JourneySummary Summary(string status = "referred", string? worker = null, int minute = 0, bool awaits = false, DateTimeOffset? due = null) =>
        new(status, worker, "Marie Tremblay", T0.AddMinutes(minute), due, false, awaits, T0.AddMinutes(minute));

    protected static JourneyAppend Append(TenantId tenant, Guid journey, long expected, IReadOnlyList<NewEvent> events, JourneySummary? summary = null) =>
        new(tenant, journey, expected, events, summary ?? Summary());

    [Fact]
    public async Task Appended_events_read_back_in_order_with_versions_from_one()
    {
        var journey = Guid.NewGuid();
        var command = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event("ReferralReceived", command), Event("Second", command, 1)]), Token);
        await Store.AppendAsync(Append(Alberta, journey, 2, [Event("Third", minute: 2)]), Token);

        var events = await Store.ReadAsync(Alberta, journey, Token);

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.Equal(["ReferralReceived", "Second", "Third"], events.Select(e => e.Type));
        Assert.Equal(command, events[1].CommandId);
        Assert.Equal("lw-1", events[0].Actor);
        Assert.Equal(T0.AddMinutes(2), events[2].OccurredAt);
        Assert.Equal("{\"type\":\"Third\",\"n\":2}", events[2].Data);
    }

    [Fact]
    public async Task Every_declared_caseload_column_is_written_and_listed_as_declared()
    {
        // The stores write and read the caseload row from JourneySummary.Columns alone: a column declared there (with
        // its migration) round-trips here on every engine, through a new stream, a continued one and a batch of many.
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event("ReferralReceived")], EveryColumnSet(seed: 1)), Token);
        Assert.Equal(Listed(EveryColumnSet(seed: 1)), await ListedRowAsync(journey));

        await Store.AppendAsync(Append(Alberta, journey, 1, [Event(minute: 1)], EveryColumnSet(seed: 2)), Token);
        Assert.Equal(Listed(EveryColumnSet(seed: 2)), await ListedRowAsync(journey));

        await Store.AppendAsync(Append(Alberta, journey, 2, [Event(minute: 2), Event(minute: 3)], EveryNullableColumnNull()), Token);
        Assert.Equal(Listed(EveryNullableColumnNull()), await ListedRowAsync(journey));

        var many = Enumerable.Range(3, 8).Select(seed => (Journey: Guid.NewGuid(), Seed: seed)).ToList();
        await Task.WhenAll(many.Select(m => Store.AppendAsync(Append(Alberta, m.Journey, 0, [Event("ReferralReceived")], EveryColumnSet(m.Seed)), Token)));
        foreach (var (id, seed) in many)
        {
            Assert.Equal(Listed(EveryColumnSet(seed)), await ListedRowAsync(id));
        }
    }

    private async Task<JourneySummary> ListedRowAsync(Guid journey)
    {
        var page = await Store.QueryAsync(Alberta, new JourneyQuery(null, null, 1, 100), Token);
        return page.Items.Single(i => i.JourneyId == journey).Summary;
    }

    /// <summary>A row whose every column holds a value of its kind that differs from column to column and from seed to seed.</summary>
    private static JourneySummary EveryColumnSet(int seed)
    {
        var row = Summary("engaged", "lw-9");
        var columns = JourneySummary.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var n = seed * 100 + i;
            row = column.WithValue(row, column.Kind switch
            {
                CaseloadColumnKind.Text => $"{column.Name}-{n}",
                CaseloadColumnKind.Json => $"[{n}]",
                CaseloadColumnKind.Count => n,
                CaseloadColumnKind.Boolean => (seed + i) % 2 == 0,
                CaseloadColumnKind.Instant => T0.AddMinutes(n).AddMilliseconds(n),
                CaseloadColumnKind.Date => new DateOnly(1950, 1, 1).AddDays(n),
                _ => throw new InvalidOperationException($"No sample for {column.Kind}."),
            });
        }

        return row;
    }

    private static JourneySummary EveryNullableColumnNull() =>
        JourneySummary.Columns.Where(c => c.Nullable).Aggregate(EveryColumnSet(seed: 9), (row, column) => column.WithValue(row, null));

    /// <summary><paramref name="row"/> as listings return it: the unlisted columns at their zero values.</summary>
    private static JourneySummary Listed(JourneySummary row) =>
        JourneySummary.Columns.Where(c => !c.Listed).Aggregate(row, (r, column) => column.WithValue(r, column.ValueOf(JourneySummary.Empty)));

    [Fact]
    public async Task A_stream_that_was_never_written_reads_empty()
    {
        Assert.Empty(await Store.ReadAsync(Alberta, Guid.NewGuid(), Token));
    }

    // One event and several take different statements on some engines; both must guard the version.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 2)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 2)]
    public async Task An_append_at_the_wrong_version_conflicts_and_stores_nothing(long expected, int events)
    {
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event()]), Token);

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Store.AppendAsync(Append(Alberta, journey, expected, [.. Enumerable.Range(0, events).Select(_ => Event())], Summary("accepted")), Token));

        Assert.Single(await Store.ReadAsync(Alberta, journey, Token));
        var page = await Store.QueryAsync(Alberta, new JourneyQuery("accepted", null, 1, 100), Token);
        Assert.DoesNotContain(page.Items, i => i.JourneyId == journey);
    }

    [Fact]
    public async Task Tenants_never_see_each_others_streams_or_caseloads()
    {
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event()], Summary(worker: "lw-iso")), Token);
        await Store.AppendAsync(Append(Ontario, journey, 0, [Event(), Event()], Summary(worker: "lw-iso")), Token);

        Assert.Single(await Store.ReadAsync(Alberta, journey, Token));
        Assert.Equal(2, (await Store.ReadAsync(Ontario, journey, Token)).Count);
        var ontario = await Store.QueryAsync(Ontario, new JourneyQuery(null, "lw-iso", 1, 100), Token);
        Assert.Equal(2, Assert.Single(ontario.Items).Version);
    }

    [Fact]
    public async Task A_stream_of_ten_thousand_events_reads_back_whole()
    {
        var journey = Guid.NewGuid();
        for (var batch = 0; batch < 100; batch++)
        {
            await Store.AppendAsync(Append(Alberta, journey, batch * 100, [.. Enumerable.Range(0, 100).Select(i => Event(minute: i))]), Token);
        }

        var events = await Store.ReadAsync(Alberta, journey, Token);

        Assert.Equal(10_000, events.Count);
        Assert.Equal(Enumerable.Range(1, 10_000).Select(v => (long)v), events.Select(e => e.Version));
    }

    [Fact]
    public async Task Concurrent_appenders_to_one_stream_each_win_or_conflict_and_leave_no_gap()
    {
        var journey = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, journey, 0, [Event()]), Token);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                await Store.AppendAsync(Append(Alberta, journey, 1, [Event()]), Token);
                return true;
            }
            catch (StreamVersionConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Equal([1L, 2L], (await Store.ReadAsync(Alberta, journey, Token)).Select(e => e.Version));
    }

    [Fact]
    public async Task Many_concurrent_appenders_on_different_streams_all_commit()
    {
        var journeys = Enumerable.Range(0, 32).Select(_ => Guid.NewGuid()).ToArray();

        await Task.WhenAll(journeys.Select(async journey =>
        {
            for (var version = 0; version < 10; version++)
            {
                await Store.AppendAsync(Append(Alberta, journey, version, [Event(minute: version)]), Token);
            }
        }));

        foreach (var journey in journeys)
        {
            Assert.Equal(Enumerable.Range(1, 10).Select(v => (long)v), (await Store.ReadAsync(Alberta, journey, Token)).Select(e => e.Version));
        }
    }

    [Fact]
    public async Task The_caseload_filters_by_status_and_link_worker_and_pages_newest_first()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            await Store.AppendAsync(Append(Alberta, id, 0, [Event()], Summary(i % 2 == 0 ? "engaged" : "accepted", worker, minute: i)), Token);
        }

        var all = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 2), Token);
        var second = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 2, 2), Token);
        var engaged = await Store.QueryAsync(Alberta, new JourneyQuery("engaged", worker, 1, 100), Token);

        Assert.Equal(5, all.Total);
        Assert.Equal([ids[4], ids[3]], all.Items.Select(i => i.JourneyId));
        Assert.Equal([ids[2], ids[1]], second.Items.Select(i => i.JourneyId));
        Assert.Equal([ids[4], ids[2], ids[0]], engaged.Items.Select(i => i.JourneyId));
        Assert.Equal(worker, engaged.Items[0].Summary.LinkWorkerId);
        Assert.Equal(T0.AddMinutes(4), engaged.Items[0].Summary.ReferredAt);
    }

    [Fact]
    public async Task The_caseload_row_is_replaced_by_each_append()
    {
        var id = Guid.NewGuid();
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        await Store.AppendAsync(Append(Alberta, id, 0, [Event()], Summary("referred")), Token);
        await Store.AppendAsync(Append(Alberta, id, 1, [Event()], Summary("accepted", worker) with { FirstContactOverdue = true }), Token);

        var row = Assert.Single((await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10), Token)).Items);

        Assert.Equal("accepted", row.Summary.Status);
        Assert.Equal(2, row.Version);
        Assert.True(row.Summary.FirstContactOverdue);
    }

    [Fact]
    public async Task Pending_first_contact_checks_are_listed_per_tenant_by_due_date()
    {
        var late = Guid.NewGuid();
        var early = Guid.NewGuid();
        var done = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, late, 0, [Event()], Summary("accepted", awaits: true, due: T0.AddDays(9))), Token);
        await Store.AppendAsync(Append(Alberta, early, 0, [Event()], Summary("accepted", awaits: true, due: T0.AddDays(3))), Token);
        await Store.AppendAsync(Append(Alberta, done, 0, [Event()], Summary("engaged", awaits: false, due: T0.AddDays(1))), Token);

        var pending = (await Store.ListPendingFirstContactChecksAsync(Alberta, null, null, 100, Token)).Where(p => p.JourneyId == late || p.JourneyId == early || p.JourneyId == done).ToList();

        Assert.Equal([early, late], pending.Select(p => p.JourneyId));
        Assert.Equal(T0.AddDays(3), pending[0].DueAt);
        Assert.DoesNotContain(await Store.ListPendingFirstContactChecksAsync(Ontario, null, null, 100, Token), p => p.JourneyId == early);
    }

    [Fact]
    public async Task Journeys_awaiting_a_providers_answer_are_read_a_page_at_a_time_up_to_a_moment_with_their_referrals()
    {
        var tenant = TenantId.Parse("await" + Guid.NewGuid().ToString("N")[..8]);
        const string Referrals = """[{"id":"5b3c1f8e-2a8d-4d0c-9c61-6f5a3e1b2c4d"}]""";
        JourneySummary Awaiting(DateTimeOffset? since) => Summary("engaged") with { PartnerAnswerAwaitedSince = since, CommunityReferrals = since is null ? null : Referrals };
        var sameDay = new[] { Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in sameDay)
        {
            await Store.AppendAsync(Append(tenant, id, 0, [Event()], Awaiting(T0.AddDays(2))), Token);
        }

        var oldest = Guid.NewGuid();
        var later = Guid.NewGuid();
        var answered = Guid.NewGuid();
        await Store.AppendAsync(Append(tenant, oldest, 0, [Event()], Awaiting(T0.AddDays(1))), Token);
        await Store.AppendAsync(Append(tenant, later, 0, [Event()], Awaiting(T0.AddDays(5))), Token);
        await Store.AppendAsync(Append(tenant, answered, 0, [Event()], Awaiting(T0)), Token);
        // Its provider answered: the row no longer awaits anything.
        await Store.AppendAsync(Append(tenant, answered, 1, [Event()], Awaiting(null)), Token);

        var pages = new List<IReadOnlyList<AwaitedPartnerAnswer>>();
        AwaitedPartnerAnswer? after = null;
        while (true)
        {
            var page = await Store.ListAwaitedPartnerAnswersAsync(tenant, T0.AddDays(2), after, 2, Token);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1];
        }

        Assert.Equal([2, 1], pages.Select(p => p.Count));
        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal(oldest, read[0].JourneyId);
        Assert.Equal(T0.AddDays(1), read[0].AwaitedSince);
        Assert.Equal(sameDay.Order(), read.Skip(1).Select(r => r.JourneyId).Order());
        Assert.All(read, r => Assert.Contains("5b3c1f8e-2a8d-4d0c-9c61-6f5a3e1b2c4d", r.Referrals, StringComparison.Ordinal));
        Assert.Equal(4, (await Store.ListAwaitedPartnerAnswersAsync(tenant, null, null, 10, Token)).Count);
        Assert.Empty(await Store.ListAwaitedPartnerAnswersAsync(TenantId.Parse("elsewhere"), null, null, 10, Token));
    }

    [Fact]
    public async Task Journeys_with_an_emergency_access_not_yet_reported_are_paged_oldest_first_per_tenant()
    {
        var tenant = TenantId.Parse("ea-" + Guid.NewGuid().ToString("N")[..8]);
        JourneySummary Opened(int? day) => Summary("engaged") with { LastUnnotifiedEmergencyAccessAt = day is { } d ? T0.AddDays(d) : null };
        var oldest = Guid.NewGuid();
        var newest = Guid.NewGuid();
        var middle = Guid.NewGuid();
        var reported = Guid.NewGuid();
        await Store.AppendAsync(Append(tenant, newest, 0, [Event()], Opened(9)), Token);
        await Store.AppendAsync(Append(tenant, oldest, 0, [Event()], Opened(1)), Token);
        await Store.AppendAsync(Append(tenant, middle, 0, [Event()], Opened(4)), Token);
        await Store.AppendAsync(Append(tenant, reported, 0, [Event()], Opened(2)), Token);
        await Store.AppendAsync(Append(tenant, reported, 1, [Event()], Opened(null)), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Opened(0)), Token);

        var first = await Store.ListUnnotifiedEmergencyAccessAsync(tenant, null, 2, Token);
        var second = await Store.ListUnnotifiedEmergencyAccessAsync(tenant, first[^1], 2, Token);

        Assert.Equal([(oldest, T0.AddDays(1)), (middle, T0.AddDays(4))], first.Select(r => (r.JourneyId, r.LastOpenedAt)));
        Assert.Equal([newest], second.Select(r => r.JourneyId));
        Assert.Empty(await Store.ListUnnotifiedEmergencyAccessAsync(tenant, second[^1], 2, Token));
        // From an instant on: the empty id comes before every journey of that instant.
        Assert.Equal([middle, newest], (await Store.ListUnnotifiedEmergencyAccessAsync(tenant, new UnnotifiedEmergencyAccess(Guid.Empty, T0.AddDays(4)), 10, Token)).Select(r => r.JourneyId));
    }

    [Fact]
    public async Task Due_first_contact_checks_are_read_a_page_at_a_time_up_to_a_moment()
    {
        var tenant = TenantId.Parse("due" + Guid.NewGuid().ToString("N")[..8]);
        var sameDue = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        foreach (var id in sameDue)
        {
            await Store.AppendAsync(Append(tenant, id, 0, [Event()], Summary("accepted", awaits: true, due: T0.AddDays(2))), Token);
        }

        var first = Guid.NewGuid();
        var notYet = Guid.NewGuid();
        var overdue = Guid.NewGuid();
        await Store.AppendAsync(Append(tenant, first, 0, [Event()], Summary("accepted", awaits: true, due: T0.AddDays(1))), Token);
        await Store.AppendAsync(Append(tenant, notYet, 0, [Event()], Summary("accepted", awaits: true, due: T0.AddDays(5))), Token);
        // Marked overdue already: no check is waiting for it any more.
        await Store.AppendAsync(Append(tenant, overdue, 0, [Event()], Summary("accepted", awaits: false, due: T0.AddDays(1)) with { FirstContactOverdue = true }), Token);

        // Pages of two up to day 2 (inclusive): day 1, then the three of day 2 in journey order, then nothing.
        var pages = new List<IReadOnlyList<PendingFirstContactCheck>>();
        PendingFirstContactCheck? after = null;
        while (true)
        {
            var page = await Store.ListPendingFirstContactChecksAsync(tenant, T0.AddDays(2), after, 2, Token);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            after = page[^1];
        }

        Assert.Equal([2, 2], pages.Select(p => p.Count));
        var read = pages.SelectMany(p => p).ToList();
        Assert.Equal(first, read[0].JourneyId);
        Assert.Equal(T0.AddDays(1), read[0].DueAt);
        Assert.Equal(3, read.Skip(1).Select(p => p.JourneyId).Intersect(sameDue).Count());
        Assert.All(read.Skip(1), p => Assert.Equal(T0.AddDays(2), p.DueAt));
        Assert.DoesNotContain(read, p => p.JourneyId == notYet || p.JourneyId == overdue);
        Assert.Equal([first, .. read.Skip(1).Select(p => p.JourneyId)], read.Select(p => p.JourneyId).Distinct());
    }

    [Fact]
    public async Task Open_safety_alerts_are_kept_on_the_row_and_filter_the_caseload()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var alerted = Guid.NewGuid();
        var quiet = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, alerted, 0, [Event()], Summary("engaged", worker) with { OpenSafetyAlerts = 2 }), Token);
        await Store.AppendAsync(Append(Alberta, quiet, 0, [Event()], Summary("engaged", worker)), Token);

        var all = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10), Token);
        var open = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { OpenSafetyAlertsOnly = true }, Token);
        await Store.AppendAsync(Append(Alberta, alerted, 1, [Event()], Summary("engaged", worker) with { OpenSafetyAlerts = 0 }), Token);
        var afterAcknowledgement = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { OpenSafetyAlertsOnly = true }, Token);

        Assert.Equal(2, all.Items.Single(i => i.JourneyId == alerted).Summary.OpenSafetyAlerts);
        Assert.Equal(0, all.Items.Single(i => i.JourneyId == quiet).Summary.OpenSafetyAlerts);
        Assert.Equal((alerted, 1L), (Assert.Single(open.Items).JourneyId, open.Total));
        Assert.Empty(afterAcknowledgement.Items);
        Assert.Empty((await Store.QueryAsync(Ontario, new JourneyQuery(null, worker, 1, 10) { OpenSafetyAlertsOnly = true }, Token)).Items);
    }

    [Fact]
    public async Task The_caseload_row_keeps_contacts_follow_up_programs_and_birth_date_and_filters_and_sorts_by_urgency()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var quiet = Guid.NewGuid();
        var overdue = Guid.NewGuid();
        var alerted = Guid.NewGuid();
        var followUp = Guid.NewGuid();
        var closed = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, quiet, 0, [Event()], Summary("engaged", worker, minute: 1) with
        {
            FirstContactAt = T0.AddDays(1), LastContactAt = T0.AddDays(3), ActivePrograms = 2, BirthDate = new DateOnly(1948, 3, 14),
        }), Token);
        await Store.AppendAsync(Append(Alberta, overdue, 0, [Event()], Summary("accepted", worker, minute: 2) with { FirstContactOverdue = true }), Token);
        await Store.AppendAsync(Append(Alberta, alerted, 0, [Event()], Summary("engaged", worker, minute: 3) with { OpenSafetyAlerts = 1, LastContactAt = T0.AddDays(40) }), Token);
        await Store.AppendAsync(Append(Alberta, followUp, 0, [Event()], Summary("engaged", worker, minute: 4) with { LastContactAt = T0.AddDays(40), NextFollowUpOn = new DateOnly(2026, 12, 24) }), Token);
        await Store.AppendAsync(Append(Alberta, closed, 0, [Event()], Summary("discharged", worker, minute: 5)), Token);

        var urgent = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { ByUrgency = true }, Token);
        var overdueOnly = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { FirstContactOverdueOnly = true }, Token);
        var silent = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 10) { NoContactSince = T0.AddDays(30) }, Token);

        Assert.Equal([alerted, overdue, followUp, quiet, closed], urgent.Items.Select(i => i.JourneyId));
        var row = urgent.Items.Single(i => i.JourneyId == quiet).Summary;
        Assert.Equal((T0.AddDays(1), T0.AddDays(3), 2, new DateOnly(1948, 3, 14)), (row.FirstContactAt, row.LastContactAt, row.ActivePrograms, row.BirthDate));
        Assert.Equal(new DateOnly(2026, 12, 24), urgent.Items.Single(i => i.JourneyId == followUp).Summary.NextFollowUpOn);
        Assert.Null(urgent.Items.Single(i => i.JourneyId == overdue).Summary.LastContactAt);
        Assert.Equal([overdue], overdueOnly.Items.Select(i => i.JourneyId));
        Assert.Equal(1, overdueOnly.Total);
        // No contact since day 30: the one contacted on day 3 and the one never contacted (referred at T0); not the closed one.
        Assert.Equal(new[] { overdue, quiet }.Order(), silent.Items.Select(i => i.JourneyId).Order());
        Assert.Equal(2, silent.Total);
    }

    [Fact]
    public async Task Open_alerts_are_listed_oldest_first_with_their_digest_and_rows_without_one_last()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var recent = Guid.NewGuid();
        var oldest = Guid.NewGuid();
        var unordered = Guid.NewGuid();
        var acknowledged = Guid.NewGuid();
        const string Digest = """[{"id":"6f1c2a60-0000-4000-8000-000000000001","flag":"self-harm-risk"}]""";
        await Store.AppendAsync(Append(Alberta, recent, 0, [Event()], Summary("engaged", worker, minute: 1) with { OpenSafetyAlerts = 1, OldestOpenAlertAt = T0.AddDays(9), SafetyAlerts = Digest }), Token);
        await Store.AppendAsync(Append(Alberta, oldest, 0, [Event()], Summary("engaged", worker, minute: 2) with { OpenSafetyAlerts = 2, OldestOpenAlertAt = T0.AddDays(2), SafetyAlerts = Digest }), Token);
        // Written before the caseload kept alerts: counted, but with no digest and no order.
        await Store.AppendAsync(Append(Alberta, unordered, 0, [Event()], Summary("engaged", worker, minute: 3) with { OpenSafetyAlerts = 1 }), Token);
        await Store.AppendAsync(Append(Alberta, acknowledged, 0, [Event()], Summary("engaged", worker, minute: 4) with { OpenSafetyAlerts = 1, OldestOpenAlertAt = T0, SafetyAlerts = Digest }), Token);
        await Store.AppendAsync(Append(Alberta, acknowledged, 1, [Event()], Summary("engaged", worker, minute: 4)), Token);

        var query = new JourneyQuery(null, worker, 1, 2) { OpenSafetyAlertsOnly = true, ByOldestOpenAlert = true };
        var first = await Store.QueryAsync(Alberta, query, Token);
        var second = await Store.QueryAsync(Alberta, query with { Page = 2 }, Token);

        Assert.Equal(3, first.Total);
        Assert.Equal([oldest, recent, unordered], first.Items.Concat(second.Items).Select(i => i.JourneyId));
        var row = first.Items[0].Summary;
        Assert.Equal(T0.AddDays(2), row.OldestOpenAlertAt);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Digest), System.Text.Json.Nodes.JsonNode.Parse(row.SafetyAlerts!)));
        Assert.Equal((null, (DateTimeOffset?)null), (second.Items[0].Summary.SafetyAlerts, second.Items[0].Summary.OldestOpenAlertAt));
    }

    [Fact]
    public async Task An_outcome_report_reads_the_journeys_assessed_or_first_referred_across_its_period_and_counts_the_rest()
    {
        var tenant = TenantId.Parse("rp-" + Guid.NewGuid().ToString("N")[..8]);
        var early = Guid.NewGuid();
        var spanning = Guid.NewGuid();
        var late = Guid.NewGuid();
        var unmeasured = Guid.NewGuid();
        var before = Guid.NewGuid();
        var referredEarly = Guid.NewGuid();
        var connectedInPeriod = Guid.NewGuid();
        var connectedAfter = Guid.NewGuid();
        var assigned = Guid.NewGuid();
        var referredBefore = Guid.NewGuid();
        JourneySummary Assessed(int first, int last, string? baselines) => Summary("engaged") with
        {
            AssessmentDigest = $"[{first}]", OutcomeMeasures = $"m{first}", FirstAssessedAt = T0.AddDays(first), LastAssessedAt = T0.AddDays(last), BaselineInstruments = baselines,
        };
        JourneySummary Referred(int made, int? started, string? worker = null) => Summary("engaged", worker) with
        {
            CommunityReferrals = $"[{made}]", FirstProgramReferralAt = T0.AddDays(made), FirstProgramStartedAt = started is { } s ? T0.AddDays(s) : null,
        };
        await Store.AppendAsync(Append(tenant, early, 0, [Event()], Assessed(0, 5, """["phq9","swemwbs"]""")), Token);
        await Store.AppendAsync(Append(tenant, spanning, 0, [Event()], Assessed(3, 40, """["swemwbs"]""")), Token);
        await Store.AppendAsync(Append(tenant, late, 0, [Event()], Assessed(30, 31, null)), Token);
        // Written before the caseload kept outcome measures: its digest instead, counted.
        await Store.AppendAsync(Append(tenant, unmeasured, 0, [Event()], Assessed(11, 12, null) with { OutcomeMeasures = null }), Token);
        // Written before the caseload kept these instants: always read, its digest, never counted by the store.
        await Store.AppendAsync(Append(tenant, before, 0, [Event()], Summary("engaged") with { AssessmentDigest = "[9]" }), Token);
        await Store.AppendAsync(Append(tenant, referredEarly, 0, [Event()], Referred(1, 2)), Token);
        await Store.AppendAsync(Append(tenant, connectedInPeriod, 0, [Event()], Referred(12, 15)), Token);
        await Store.AppendAsync(Append(tenant, connectedAfter, 0, [Event()], Referred(13, 25)), Token);
        await Store.AppendAsync(Append(tenant, assigned, 0, [Event()], Referred(20, null, "lw-a")), Token);
        await Store.AppendAsync(Append(tenant, referredBefore, 0, [Event()], Summary("engaged") with { CommunityReferrals = "[3]" }), Token);

        var period = await Store.ListOutcomeMeasuresAsync(tenant, T0.AddDays(10), T0.AddDays(20), Token);
        var sinceStart = await Store.ListOutcomeMeasuresAsync(tenant, null, T0.AddDays(4), Token);
        var assessed = await Store.CountAssessedJourneysAsync(tenant, Token);
        var connections = await Store.CountConnectionsAsync(tenant, T0.AddDays(10), T0.AddDays(20), Token);
        var allTime = await Store.CountConnectionsAsync(tenant, null, T0.AddDays(30), Token);

        Assert.Equal(new[] { (spanning, true), (unmeasured, true), (before, false) }.Order(), period.Select(d => (d.JourneyId, d.Counted)).Order());
        Assert.Equal(("m3", (string?)null), (period.Single(d => d.JourneyId == spanning).Measures, period.Single(d => d.JourneyId == spanning).Digest));
        Assert.Equal(((string?)null, "[11]"), (period.Single(d => d.JourneyId == unmeasured).Measures, period.Single(d => d.JourneyId == unmeasured).Digest));
        Assert.Equal("[9]", period.Single(d => d.JourneyId == before).Digest);
        Assert.Equal(new[] { early, spanning, before }.Order(), sinceStart.Select(d => d.JourneyId).Order());
        Assert.Equal(4, assessed.WithAssessments);
        Assert.Equal(new Dictionary<string, int> { ["phq9"] = 1, ["swemwbs"] = 2 }, assessed.WithBaseline.OrderBy(p => p.Key).ToDictionary());
        Assert.Equal(
            [new LinkWorkerConnections(null, 2, 1), new LinkWorkerConnections("lw-a", 1, 0)],
            connections.Counted.OrderBy(c => c.LinkWorkerId, StringComparer.Ordinal));
        var uncounted = Assert.Single(connections.Uncounted);
        Assert.Equal((referredBefore, "[3]"), (uncounted.JourneyId, uncounted.Digest));
        Assert.Equal(
            [new LinkWorkerConnections(null, 3, 3), new LinkWorkerConnections("lw-a", 1, 0)],
            allTime.Counted.OrderBy(c => c.LinkWorkerId, StringComparer.Ordinal));
        var elsewhere = TenantId.Parse("rp-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Empty(await Store.ListOutcomeMeasuresAsync(elsewhere, null, T0.AddDays(400), Token));
        Assert.Equal(0, (await Store.CountAssessedJourneysAsync(elsewhere, Token)).WithAssessments);
        var nowhere = await Store.CountConnectionsAsync(elsewhere, null, T0.AddDays(400), Token);
        Assert.Equal((0, 0), (nowhere.Counted.Count, nowhere.Uncounted.Count));
    }

    /// <summary>
    /// After the engine's own undo and redo of the upgrade that added outcome measures and first program starts to the
    /// caseload (<paramref name="undoAndRedoTheUpgrade"/>, returning the upgraded store): rows written before it are read
    /// from their digests until rebuilt, so a report of them stays right.
    /// </summary>
    protected async Task OlderRowsAreReadFromTheirDigestsAfterTheUpgradeAsync(Func<Task<IJourneyStore>> undoAndRedoTheUpgrade)
    {
        ArgumentNullException.ThrowIfNull(undoAndRedoTheUpgrade);
        var referred = Guid.NewGuid();
        var assessed = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, referred, 0, [Event()], Summary("engaged") with { CommunityReferrals = "[1]", FirstProgramReferralAt = T0.AddDays(1), FirstProgramStartedAt = T0.AddDays(2) }), Token);
        await Store.AppendAsync(Append(Alberta, assessed, 0, [Event()], Summary("engaged") with { AssessmentDigest = "[2]", OutcomeMeasures = "m", FirstAssessedAt = T0, LastAssessedAt = T0 }), Token);

        var upgraded = await undoAndRedoTheUpgrade();

        var connections = await upgraded.CountConnectionsAsync(Alberta, null, T0.AddDays(30), Token);
        Assert.Empty(connections.Counted);
        Assert.Equal([referred], connections.Uncounted.Select(d => d.JourneyId));
        var row = Assert.Single(await upgraded.ListOutcomeMeasuresAsync(Alberta, null, T0.AddDays(30), Token), d => d.JourneyId == assessed);
        Assert.Equal(((string?)null, "[2]", true), (row.Measures, row.Digest, row.Counted));
    }

    [Fact]
    public async Task Journeys_of_the_same_name_and_birth_date_are_found_per_tenant_whatever_the_case()
    {
        var name = "Zoé " + Guid.NewGuid().ToString("N")[..8];
        var born = new DateOnly(1951, 7, 2);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, first, 0, [Event()], Summary(minute: 1) with { ClientName = name, BirthDate = born }), Token);
        await Store.AppendAsync(Append(Alberta, second, 0, [Event()], Summary(minute: 2) with { ClientName = name.ToUpperInvariant(), BirthDate = born }), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary(minute: 3) with { ClientName = name, BirthDate = born.AddDays(1) }), Token);
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event()], Summary(minute: 4) with { ClientName = name, BirthDate = born }), Token);

        var same = await Store.FindSameClientAsync(Alberta, name.ToLowerInvariant(), born, Token);

        Assert.Equal([second, first], same.Select(i => i.JourneyId));
    }

    [Fact]
    public async Task Caseloads_are_tallied_by_link_worker_and_stage_with_overdue_first_contacts_and_open_alerts_per_tenant()
    {
        var first = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var second = "lw-" + Guid.NewGuid().ToString("N")[..8];
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("accepted", first) with { FirstContactOverdue = true }), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("accepted", first)), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("engaged", first) with { OpenSafetyAlerts = 2 }), Token);
        var moved = Guid.NewGuid();
        await Store.AppendAsync(Append(Alberta, moved, 0, [Event()], Summary("accepted", second)), Token);
        await Store.AppendAsync(Append(Alberta, moved, 1, [Event()], Summary("engaged", second)), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("referred")), Token);
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event()], Summary("engaged", first)), Token);

        var tallies = await Store.TallyCaseloadsAsync(Alberta, Token);

        Assert.Equal(
            new[] { new CaseloadTally(first, "accepted", 2, 1, 0), new CaseloadTally(first, "engaged", 1, 0, 1), new CaseloadTally(second, "engaged", 1, 0, 0) }
                .OrderBy(t => t.LinkWorkerId, StringComparer.Ordinal).ThenBy(t => t.Status, StringComparer.Ordinal),
            tallies.Where(t => t.LinkWorkerId == first || t.LinkWorkerId == second));
        Assert.Null(tallies[0].LinkWorkerId);
        Assert.Contains(tallies, t => t is { LinkWorkerId: null, Status: "referred", Journeys: > 0 });
        Assert.Equal([1L], (await Store.TallyCaseloadsAsync(Ontario, Token)).Where(t => t.LinkWorkerId == first).Select(t => t.Journeys));
    }

    [Fact]
    public async Task First_contact_times_are_listed_per_tenant_from_an_instant()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var since = T0.AddYears(3);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("engaged", worker) with { FirstContactAt = since.AddHours(30) }), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("engaged", worker) with { FirstContactAt = since.AddHours(-1) }), Token);
        await Store.AppendAsync(Append(Alberta, Guid.NewGuid(), 0, [Event()], Summary("accepted", worker)), Token);
        await Store.AppendAsync(Append(Ontario, Guid.NewGuid(), 0, [Event()], Summary("engaged", worker) with { FirstContactAt = since.AddHours(2) }), Token);

        var times = (await Store.ListFirstContactTimesAsync(Alberta, since, Token)).Where(t => t.LinkWorkerId == worker).ToList();

        var only = Assert.Single(times);
        Assert.Equal((T0, since.AddHours(30)), (only.ReferredAt, only.FirstContactAt));
    }

    [Fact]
    public async Task Outcome_measures_are_listed_per_tenant_latest_version_only()
    {
        var assessed = Guid.NewGuid();
        var none = Guid.NewGuid();
        await Store.AppendAsync(Append(Ontario, assessed, 0, [Event()], Summary() with { AssessmentDigest = "[1]", OutcomeMeasures = "a", FirstAssessedAt = T0, LastAssessedAt = T0 }), Token);
        await Store.AppendAsync(Append(Ontario, assessed, 1, [Event()], Summary() with { AssessmentDigest = "[1,2]", OutcomeMeasures = "a\nb", FirstAssessedAt = T0, LastAssessedAt = T0.AddDays(1) }), Token);
        await Store.AppendAsync(Append(Ontario, none, 0, [Event()]), Token);

        var measures = await Store.ListOutcomeMeasuresAsync(Ontario, null, T0.AddYears(10), Token);

        Assert.Equal(("a\nb", (string?)null), Assert.Single(measures, d => d.JourneyId == assessed) is var row ? (row.Measures, row.Digest) : default);
        Assert.DoesNotContain(measures, d => d.JourneyId == none);
        Assert.DoesNotContain(await Store.ListOutcomeMeasuresAsync(Alberta, null, T0.AddYears(10), Token), d => d.JourneyId == assessed);
    }

    [Fact]
    public async Task Community_referral_digests_are_listed_per_tenant_latest_version_only_and_by_organization()
    {
        var walking = Guid.NewGuid();
        var garden = Guid.NewGuid();
        static string Digest(params Guid[] organizations) =>
            new System.Text.Json.Nodes.JsonArray([.. organizations.Select(o => new System.Text.Json.Nodes.JsonObject { ["id"] = Guid.NewGuid().ToString(), ["organizationId"] = o.ToString() })]).ToJsonString();
        var referred = Guid.NewGuid();
        var both = Guid.NewGuid();
        var none = Guid.NewGuid();
        var latest = Digest(walking);
        await Store.AppendAsync(Append(Ontario, referred, 0, [Event()], Summary() with { CommunityReferrals = Digest(garden) }), Token);
        await Store.AppendAsync(Append(Ontario, referred, 1, [Event()], Summary() with { CommunityReferrals = latest }), Token);
        await Store.AppendAsync(Append(Ontario, both, 0, [Event()], Summary() with { CommunityReferrals = Digest(garden, walking) }), Token);
        await Store.AppendAsync(Append(Ontario, none, 0, [Event()]), Token);
        var needy = Guid.NewGuid();
        await Store.AppendAsync(Append(Ontario, needy, 0, [Event()], Summary() with { UnmetNeeds = "[{\"need\":\"employment\"}]" }), Token);

        var all = await Store.ListCommunityReferralDigestsAsync(Ontario, null, Token);
        var needs = Assert.Single(all, d => d.JourneyId == needy);
        Assert.Equal(("[]", "employment"), (needs.Digest, System.Text.Json.Nodes.JsonNode.Parse(needs.UnmetNeeds!)![0]!["need"]!.GetValue<string>()));
        Assert.Null(Assert.Single(all, d => d.JourneyId == referred).UnmetNeeds);
        Assert.DoesNotContain(await Store.ListCommunityReferralDigestsAsync(Ontario, [walking], Token), d => d.JourneyId == needy);
        var row = Assert.Single(all, d => d.JourneyId == referred);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(latest), System.Text.Json.Nodes.JsonNode.Parse(row.Digest)));
        Assert.Equal("Marie Tremblay", row.ClientName);
        Assert.DoesNotContain(all, d => d.JourneyId == none);
        Assert.Equal([both], (await Store.ListCommunityReferralDigestsAsync(Ontario, [garden], Token)).Select(d => d.JourneyId));
        Assert.Equal(new[] { referred, both }.Order(), (await Store.ListCommunityReferralDigestsAsync(Ontario, [walking, Guid.NewGuid()], Token)).Select(d => d.JourneyId).Order());
        Assert.Empty(await Store.ListCommunityReferralDigestsAsync(Ontario, [Guid.NewGuid()], Token));
        Assert.DoesNotContain(await Store.ListCommunityReferralDigestsAsync(Alberta, null, Token), d => d.JourneyId == referred);
    }

    [Fact]
    public async Task Concurrent_appends_keep_each_rows_alerts_trips_and_digest()
    {
        var worker = "lw-" + Guid.NewGuid().ToString("N")[..8];
        var journeys = Enumerable.Range(0, 32).Select(n => (Id: Guid.NewGuid(), N: n)).ToList();

        await Task.WhenAll(journeys.Select(j => Store.AppendAsync(
            Append(Alberta, j.Id, 0, [Event()], Summary("engaged", worker) with
            {
                OpenSafetyAlerts = j.N % 3, AssessmentDigest = $"[{j.N}]", TripsAwaitingPartner = j.N % 2, CommunityReferrals = $"[{{\"n\":{j.N}}}]",
            }),
            Token)));

        var rows = (await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 100), Token)).Items.ToDictionary(i => i.JourneyId);
        var digests = (await Store.ListOutcomeMeasuresAsync(Alberta, null, T0.AddYears(10), Token)).ToDictionary(d => d.JourneyId, d => d.Digest);
        var referrals = (await Store.ListCommunityReferralDigestsAsync(Alberta, null, Token)).ToDictionary(d => d.JourneyId, d => d.Digest);
        var awaiting = await Store.QueryAsync(Alberta, new JourneyQuery(null, worker, 1, 100) { TripsAwaitingPartnerOnly = true }, Token);
        Assert.Equal(journeys.Where(j => j.N % 2 == 1).Select(j => j.Id).Order(), awaiting.Items.Select(i => i.JourneyId).Order());
        Assert.All(journeys, j =>
        {
            Assert.Equal(j.N % 3, rows[j.Id].Summary.OpenSafetyAlerts);
            Assert.Equal(j.N % 2, rows[j.Id].Summary.TripsAwaitingPartner);
            Assert.Equal($"[{j.N}]", digests[j.Id]);
            Assert.Equal(j.N, System.Text.Json.Nodes.JsonNode.Parse(referrals[j.Id])![0]!["n"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task An_empty_append_changes_nothing()
    {
        var id = Guid.NewGuid();

        await Store.AppendAsync(Append(Alberta, id, 0, []), Token);

        Assert.Empty(await Store.ReadAsync(Alberta, id, Token));
    }

    [Fact]
    public async Task A_healthy_store_passes_its_health_check()
    {
        await Store.CheckHealthAsync(Token);
    }
}
