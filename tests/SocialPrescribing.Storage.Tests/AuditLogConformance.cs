using System.Data.Common;
using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// What every storage engine must do for the audit log (<see cref="IAuditLog"/>), as one set of tests. Each engine's
/// test class derives from this, supplies a fresh, isolated store per test, and a way around its append-only guard to
/// play the part of someone tampering with the database.
/// </summary>
public abstract class AuditLogConformance
{
    protected static readonly TenantId Alberta = TenantId.Parse("ab");
    protected static readonly TenantId Ontario = TenantId.Parse("on");
    protected static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Marie = Guid.Parse("0193a6f0-0000-7000-8000-000000000001");
    private static readonly Guid Jean = Guid.Parse("0193a6f0-0000-7000-8000-000000000002");

    protected abstract IAuditLog Log { get; }

    /// <summary>The audit entries table as SQL names it on this engine.</summary>
    protected abstract string EntriesTable { get; }

    /// <summary>Runs <paramref name="sql"/> as the database's owner with the append-only triggers out of the way.</summary>
    protected abstract Task TamperAsync(string sql);

    /// <summary>Runs <paramref name="sql"/> over an ordinary connection, as any writer of the database could.</summary>
    protected abstract Task ExecuteAsync(string sql);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected static AuditEntry Entry(TenantId? tenant = null, int minute = 0, string actor = "lw-1", Guid? journey = null, string category = "journey", string action = "read", string outcome = AuditEntry.Allowed) =>
        new(tenant ?? Alberta, T0.AddMinutes(minute), actor, "link-worker", "sp-web", journey, category, action, outcome);

    protected async Task AppendOneByOneAsync(int count, TenantId? tenant = null)
    {
        for (var i = 0; i < count; i++)
        {
            await Log.AppendAsync([Entry(tenant, minute: i, actor: $"lw-{i}")], Token);
        }
    }

    protected async Task<IReadOnlyList<StoredAuditEntry>> AllAsync(TenantId tenant, AuditQuery? query = null) =>
        (await Log.QueryAsync(tenant, (query ?? new AuditQuery()) with { PageSize = AuditQuery.MaxPageSize }, Token)).Items;

    [Fact]
    public async Task An_appended_entry_reads_back_with_every_field_its_place_and_its_hash()
    {
        // Ticks finer than a microsecond and a local offset: kept as the UTC microsecond.
        var at = new DateTimeOffset(2026, 11, 24, 11, 30, 5, TimeSpan.FromHours(-4)).AddTicks(1_234_567);
        var full = new AuditEntry(
            Alberta, at, "user-7f3a", "link-worker,supervisor", "sp-web", Marie, "assessment", "break-glass", AuditEntry.Allowed,
            "Care planning\tfor the next visit", "Client in crisis;\nher worker is away", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "2001:db8::7");
        var minimal = new AuditEntry(Alberta, T0, "client:reports", null, null, null, "sign-in", "sign-in", AuditEntry.Denied);

        await Log.AppendAsync([full, minimal], Token);
        var stored = await AllAsync(Alberta);

        Assert.Equal(2, stored.Count);
        Assert.Equal(full, stored[0].Entry);
        Assert.Equal(minimal, stored[1].Entry);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 5, TimeSpan.Zero).AddTicks(1_234_560), stored[0].Entry.At);
        Assert.Equal(TimeSpan.Zero, stored[0].Entry.At.Offset);
        Assert.Equal([1L, 2L], stored.Select(s => s.Sequence));
        Assert.Equal(AuditChain.Genesis, stored[0].PreviousHash);
        Assert.Equal(stored[0].Hash, stored[1].PreviousHash);
        Assert.All(stored, s => Assert.Equal(AuditChain.Hash(s), s.Hash));
        Assert.Matches("^[0-9a-f]{64}$", stored[1].Hash);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_chain_and_sees_only_its_own_entries()
    {
        await Log.AppendAsync([Entry(Alberta, actor: "ab-1"), Entry(Ontario, actor: "on-1"), Entry(Alberta, actor: "ab-2")], Token);
        await Log.AppendAsync([Entry(Ontario, actor: "on-2")], Token);

        var alberta = await AllAsync(Alberta);
        var ontario = await AllAsync(Ontario);

        Assert.Equal(["ab-1", "ab-2"], alberta.Select(s => s.Entry.Actor));
        Assert.Equal(["on-1", "on-2"], ontario.Select(s => s.Entry.Actor));
        Assert.Equal([1L, 2L], alberta.Select(s => s.Sequence));
        Assert.Equal([1L, 2L], ontario.Select(s => s.Sequence));
        Assert.Empty(await AllAsync(TenantId.Parse("bc")));
        Assert.Equal([Alberta, Ontario], await Log.ListAuditedTenantsAsync(Token));
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
        Assert.True((await Log.VerifyAsync(Ontario, Token)).IsIntact);
    }

    [Fact]
    public async Task Many_concurrent_appenders_leave_every_tenant_chain_gap_free_and_intact()
    {
        const int Appenders = 32;
        const int PerAppender = 50;

        await Task.WhenAll(Enumerable.Range(0, Appenders).Select(a => Task.Run(async () =>
        {
            for (var i = 0; i < PerAppender; i++)
            {
                // Most appends are one entry of one tenant; every fifth holds entries of both.
                IReadOnlyList<AuditEntry> entries = i % 5 == 4
                    ? [Entry(Alberta, actor: $"a{a}-{i}"), Entry(Ontario, actor: $"a{a}-{i}")]
                    : [Entry((a + i) % 2 == 0 ? Alberta : Ontario, actor: $"a{a}-{i}")];
                await Log.AppendAsync(entries, Token);
            }
        }, Token)));

        var expected = Appenders * PerAppender * 6 / 5;
        var total = 0;
        foreach (var tenant in (TenantId[])[Alberta, Ontario])
        {
            var verification = await Log.VerifyAsync(tenant, Token);
            var page = await Log.QueryAsync(tenant, new AuditQuery { PageSize = AuditQuery.MaxPageSize }, Token);
            var sequences = new List<long>();
            for (var after = 0L; ; after = sequences[^1])
            {
                var items = (await Log.QueryAsync(tenant, new AuditQuery { AfterSequence = after, PageSize = AuditQuery.MaxPageSize }, Token)).Items;
                if (items.Count == 0)
                {
                    break;
                }

                sequences.AddRange(items.Select(s => s.Sequence));
            }

            Assert.True(verification.IsIntact, verification.Detail);
            Assert.Equal(page.Total, verification.Entries);
            Assert.Equal(Enumerable.Range(1, (int)page.Total).Select(n => (long)n), sequences);
            total += (int)page.Total;
        }

        Assert.Equal(expected, total);
    }

    [Fact]
    public async Task Queries_filter_by_person_actor_time_category_and_outcome()
    {
        await Log.AppendAsync(
        [
            Entry(minute: 0, actor: "lw-1", journey: Marie),
            Entry(minute: 1, actor: "lw-2", journey: Jean, category: "note"),
            Entry(minute: 2, actor: "lw-1", journey: Marie, category: "note", action: "update"),
            Entry(minute: 3, actor: "lw-2", journey: Marie, outcome: AuditEntry.Denied),
            Entry(minute: 4, actor: "lw-2", category: "sign-in", action: "sign-in", outcome: AuditEntry.Denied),
            Entry(Ontario, minute: 2, actor: "lw-1", journey: Marie),
        ], Token);

        async Task<string> Sequences(AuditQuery query) => string.Join(' ', (await AllAsync(Alberta, query)).Select(s => s.Sequence));

        Assert.Equal("1 3 4", await Sequences(new AuditQuery { JourneyId = Marie }));
        Assert.Equal("2 4 5", await Sequences(new AuditQuery { Actor = "lw-2" }));
        Assert.Equal("3 4", await Sequences(new AuditQuery { From = T0.AddMinutes(2), To = T0.AddMinutes(4) }));
        Assert.Equal("2 3", await Sequences(new AuditQuery { Category = "note" }));
        Assert.Equal("4 5", await Sequences(new AuditQuery { Outcome = AuditEntry.Denied }));
        Assert.Equal("4", await Sequences(new AuditQuery { JourneyId = Marie, Actor = "lw-2", Outcome = AuditEntry.Denied }));
        Assert.Equal("5", await Sequences(new AuditQuery { From = T0.AddMinutes(4) }));
        Assert.Equal("1", await Sequences(new AuditQuery { To = T0.AddMinutes(1) }));
        Assert.Equal("", await Sequences(new AuditQuery { Actor = "lw-3" }));
    }

    [Fact]
    public async Task Time_bounds_finer_than_a_microsecond_compare_exactly()
    {
        await Log.AppendAsync([Entry(minute: 0), Entry(minute: 1)], Token);

        var fromJustAfter = await AllAsync(Alberta, new AuditQuery { From = T0.AddTicks(1) });
        var toJustAfter = await AllAsync(Alberta, new AuditQuery { To = T0.AddTicks(1) });
        var fromJustBefore = await AllAsync(Alberta, new AuditQuery { From = T0.AddMinutes(1).AddTicks(-1) });

        Assert.Equal([2L], fromJustAfter.Select(s => s.Sequence));
        Assert.Equal([1L], toJustAfter.Select(s => s.Sequence));
        Assert.Equal([2L], fromJustBefore.Select(s => s.Sequence));
    }

    [Fact]
    public async Task Pages_run_oldest_first_by_number_or_after_a_sequence_with_the_matching_total()
    {
        await AppendOneByOneAsync(7);

        var second = await Log.QueryAsync(Alberta, new AuditQuery { Page = 2, PageSize = 3 }, Token);
        var last = await Log.QueryAsync(Alberta, new AuditQuery { Page = 3, PageSize = 3 }, Token);
        var afterFive = await Log.QueryAsync(Alberta, new AuditQuery { AfterSequence = 5, PageSize = 3 }, Token);
        var beyond = await Log.QueryAsync(Alberta, new AuditQuery { Page = 4, PageSize = 3 }, Token);

        Assert.Equal([4L, 5L, 6L], second.Items.Select(s => s.Sequence));
        Assert.Equal(7, second.Total);
        Assert.Equal([7L], last.Items.Select(s => s.Sequence));
        Assert.Equal([6L, 7L], afterFive.Items.Select(s => s.Sequence));
        Assert.Equal(7, afterFive.Total);
        Assert.Empty(beyond.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(AuditQuery.MaxPageSize + 1)]
    public async Task A_page_size_out_of_range_is_refused(int pageSize)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.QueryAsync(Alberta, new AuditQuery { PageSize = pageSize }, Token));
    }

    [Fact]
    public async Task An_untouched_chain_and_an_empty_one_verify()
    {
        await AppendOneByOneAsync(5);
        await Log.AppendAsync([Entry(), Entry(Ontario), Entry()], Token);

        var alberta = await Log.VerifyAsync(Alberta, Token);
        var empty = await Log.VerifyAsync(TenantId.Parse("bc"), Token);

        Assert.True(alberta.IsIntact, alberta.Detail);
        Assert.Equal((7L, 7L, (long?)null, (AuditChainBreak?)null), (alberta.Entries, alberta.Head, alberta.BrokenAt, alberta.Break));
        Assert.True(empty.IsIntact);
        Assert.Equal(0, empty.Entries);
    }

    [Fact]
    public async Task A_changed_field_is_found_at_its_sequence()
    {
        await AppendOneByOneAsync(6);
        await TamperAsync($"UPDATE {EntriesTable} SET actor = 'someone-else' WHERE tenant = 'ab' AND sequence = 3");

        var verification = await Log.VerifyAsync(Alberta, Token);

        Assert.Equal((AuditChainBreak.Changed, 3L), (verification.Break, verification.BrokenAt));
        Assert.False(verification.IsIntact);
        Assert.DoesNotContain("someone-else", verification.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_entry_hashed_again_breaks_the_link_of_the_next()
    {
        await AppendOneByOneAsync(6);
        var third = (await AllAsync(Alberta))[2];
        var forged = third with { Entry = third.Entry with { Actor = "someone-else" } };
        await TamperAsync($"UPDATE {EntriesTable} SET actor = 'someone-else', hash = '{AuditChain.Hash(forged)}' WHERE tenant = 'ab' AND sequence = 3");

        var verification = await Log.VerifyAsync(Alberta, Token);

        Assert.Equal((AuditChainBreak.BrokenLink, 4L), (verification.Break, verification.BrokenAt));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    [InlineData(6, 6)]
    public async Task A_removed_entry_is_found_even_at_the_start_or_end(long removed, long reported)
    {
        await AppendOneByOneAsync(6);
        await TamperAsync($"DELETE FROM {EntriesTable} WHERE tenant = 'ab' AND sequence = {removed}");

        var verification = await Log.VerifyAsync(Alberta, Token);

        Assert.Equal((AuditChainBreak.Removed, reported), (verification.Break, verification.BrokenAt));
    }

    [Fact]
    public async Task Two_entries_swapped_are_found_as_reordered()
    {
        await AppendOneByOneAsync(6);
        await TamperAsync($"UPDATE {EntriesTable} SET sequence = 1000 WHERE tenant = 'ab' AND sequence = 3");
        await TamperAsync($"UPDATE {EntriesTable} SET sequence = 3 WHERE tenant = 'ab' AND sequence = 4");
        await TamperAsync($"UPDATE {EntriesTable} SET sequence = 4 WHERE tenant = 'ab' AND sequence = 1000");

        var verification = await Log.VerifyAsync(Alberta, Token);

        Assert.Equal((AuditChainBreak.Reordered, 3L), (verification.Break, verification.BrokenAt));
    }

    [Fact]
    public async Task Tampering_with_one_tenant_leaves_the_others_intact()
    {
        await AppendOneByOneAsync(3);
        await AppendOneByOneAsync(3, Ontario);
        await TamperAsync($"DELETE FROM {EntriesTable} WHERE tenant = 'on' AND sequence = 2");

        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
        Assert.Equal(AuditChainBreak.Removed, (await Log.VerifyAsync(Ontario, Token)).Break);
    }

    [Theory]
    [InlineData("UPDATE {0} SET actor = 'someone-else' WHERE tenant = 'ab' AND sequence = 2")]
    [InlineData("UPDATE {0} SET sequence = sequence + 100")]
    [InlineData("DELETE FROM {0} WHERE tenant = 'ab' AND sequence = 2")]
    [InlineData("DELETE FROM {0}")]
    public async Task Changing_or_removing_entries_through_an_ordinary_connection_fails(string sql)
    {
        await AppendOneByOneAsync(3);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, EntriesTable)));

        Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["lw-0", "lw-1", "lw-2"], (await AllAsync(Alberta)).Select(s => s.Entry.Actor));
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task Emergency_accesses_are_found_by_their_reason()
    {
        await Log.AppendAsync([Entry(), Entry(minute: 1) with { BreakGlassReason = "Crisis call; their worker is away." }, Entry(minute: 2, outcome: AuditEntry.Denied)], Token);

        var emergencies = await AllAsync(Alberta, new AuditQuery { EmergencyOnly = true });

        Assert.Equal([2L], emergencies.Select(e => e.Sequence));
        Assert.Equal(1, (await Log.QueryAsync(Alberta, new AuditQuery { EmergencyOnly = true, Outcome = AuditEntry.Allowed }, Token)).Total);
        Assert.Equal(3, (await AllAsync(Alberta)).Count);
    }

    [Fact]
    public async Task A_purge_removes_the_entries_older_than_the_cutoff_and_the_kept_chain_still_verifies()
    {
        await AppendOneByOneAsync(6);
        await AppendOneByOneAsync(2, Ontario);

        var purge = await Log.PurgeAsync(Alberta, T0.AddMinutes(3), Token);

        Assert.Equal((3L, 3L), (purge.Purged, purge.Anchor.Sequence));
        Assert.True(purge.Verification.IsIntact);
        Assert.Equal([4L, 5L, 6L], (await AllAsync(Alberta)).Select(e => e.Sequence));
        var kept = await Log.VerifyAsync(Alberta, Token);
        Assert.True(kept.IsIntact, kept.Detail);
        Assert.Equal((3L, 6L), (kept.Entries, kept.Head));
        // Another tenant's chain is untouched; purging again to the same moment removes nothing more.
        Assert.Equal(2, (await AllAsync(Ontario)).Count);
        Assert.Equal(0, (await Log.PurgeAsync(Alberta, T0.AddMinutes(3), Token)).Purged);
        // The chain goes on from where it was.
        await Log.AppendAsync([Entry(minute: 10)], Token);
        Assert.Equal(7L, (await AllAsync(Alberta))[^1].Sequence);
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task A_purge_never_removes_an_entry_written_at_or_after_the_cutoff_even_one_numbered_earlier()
    {
        foreach (var minute in new[] { 0, 1, 5, 2, 3 })
        {
            await Log.AppendAsync([Entry(minute: minute)], Token);
        }

        var purge = await Log.PurgeAsync(Alberta, T0.AddMinutes(3), Token);

        Assert.Equal(2, purge.Purged);
        Assert.Equal([3L, 4L, 5L], (await AllAsync(Alberta)).Select(e => e.Sequence));
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task A_purge_of_the_whole_chain_leaves_an_empty_chain_that_verifies_and_goes_on()
    {
        await AppendOneByOneAsync(4);

        Assert.Equal(4, (await Log.PurgeAsync(Alberta, T0.AddDays(1), Token)).Purged);

        Assert.Empty(await AllAsync(Alberta));
        var empty = await Log.VerifyAsync(Alberta, Token);
        Assert.True(empty.IsIntact, empty.Detail);
        Assert.Equal((0L, 4L), (empty.Entries, empty.Head));
        await Log.AppendAsync([Entry(minute: 60)], Token);
        Assert.Equal(5L, Assert.Single(await AllAsync(Alberta)).Sequence);
        Assert.True((await Log.VerifyAsync(Alberta, Token)).IsIntact);
    }

    [Fact]
    public async Task After_a_purge_tampering_with_the_kept_chain_is_still_found_even_at_its_new_start()
    {
        await AppendOneByOneAsync(6);
        await Log.PurgeAsync(Alberta, T0.AddMinutes(2), Token);

        await TamperAsync($"DELETE FROM {EntriesTable} WHERE tenant = 'ab' AND sequence = 3");

        var verification = await Log.VerifyAsync(Alberta, Token);
        Assert.Equal((AuditChainBreak.Removed, 3L), (verification.Break, verification.BrokenAt));
    }

    [Fact]
    public async Task A_broken_chain_is_not_purged()
    {
        await AppendOneByOneAsync(6);
        await TamperAsync($"UPDATE {EntriesTable} SET actor = 'someone-else' WHERE tenant = 'ab' AND sequence = 2");

        var purge = await Log.PurgeAsync(Alberta, T0.AddMinutes(4), Token);

        Assert.Equal((0L, AuditChainBreak.Changed), (purge.Purged, purge.Verification.Break));
        Assert.Equal(6, (await AllAsync(Alberta)).Count);
    }

    public static TheoryData<string> BadEntries => [.. BadEntry.Keys];

    private static readonly Dictionary<string, Func<AuditEntry, AuditEntry>> BadEntry = new()
    {
        ["no tenant"] = e => e with { Tenant = default },
        ["category in capitals"] = e => e with { Category = "Journey" },
        ["category with underscore"] = e => e with { Category = "case_load" },
        ["category with a double hyphen"] = e => e with { Category = "sign--in" },
        ["category ending in a hyphen"] = e => e with { Category = "sign-" },
        ["category with a line break after it"] = e => e with { Category = "journey\n" },
        ["category too long"] = e => e with { Category = new string('a', AuditEntry.MaxNameLength + 1) },
        ["empty action"] = e => e with { Action = "" },
        ["outcome not allowed or denied"] = e => e with { Outcome = "ok" },
        ["empty actor"] = e => e with { Actor = "" },
        ["actor too long"] = e => e with { Actor = new string('a', AuditEntry.MaxActorLength + 1) },
        ["actor with a control character"] = e => e with { Actor = "lw\u00071" },
        ["roles with a space"] = e => e with { Roles = "link worker" },
        ["empty client"] = e => e with { Client = "" },
        ["empty journey id"] = e => e with { JourneyId = Guid.Empty },
        ["purpose with a lone surrogate"] = e => e with { Purpose = "care \ud800 plan" },
        ["break-glass reason too long"] = e => e with { BreakGlassReason = new string('x', AuditEntry.MaxBreakGlassReasonLength + 1) },
        ["request id with a space"] = e => e with { RequestId = "req 1" },
        ["source address too long"] = e => e with { SourceAddress = new string('1', AuditEntry.MaxSourceAddressLength + 1) },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task A_batch_with_a_bad_entry_is_refused_whole_and_writes_nothing(string problem)
    {
        var bad = BadEntry[problem](Entry(Ontario));

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.AppendAsync([Entry(), bad], Token));

        Assert.Empty(await AllAsync(Alberta));
        Assert.Empty(await Log.ListAuditedTenantsAsync(Token));
    }

    [Fact]
    public async Task The_longest_entry_every_rule_allows_is_stored()
    {
        var longest = new AuditEntry(
            Alberta, T0, new string('a', AuditEntry.MaxActorLength), string.Join(',', Enumerable.Repeat(new string('r', 63), 8)),
            new string('c', AuditEntry.MaxClientLength), Marie, "a-" + new string('b', AuditEntry.MaxNameLength - 2), "read", AuditEntry.Allowed,
            new string('p', AuditEntry.MaxPurposeLength), new string('é', AuditEntry.MaxBreakGlassReasonLength),
            new string('q', AuditEntry.MaxRequestIdLength), new string('1', AuditEntry.MaxSourceAddressLength));

        await Log.AppendAsync([longest], Token);

        Assert.Equal(longest, Assert.Single(await AllAsync(Alberta)).Entry);
    }
}
