using SocialPrescribing.Testing.Postgres;
using static SocialPrescribing.Clustering.Postgres.Tests.MembershipEntries;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>
/// What Orleans' own membership-table suite asks of every provider, held against <see cref="PostgresMembershipTable"/>
/// on a real PostgreSQL: reads, inserts and updates guarded by the table version's etag and the row's etag, contention,
/// heartbeats, cleanup of defunct silos, and deleting a cluster. Orleans' suite is the checklist; the tests are our own.
/// </summary>
public sealed class MembershipTableContractTests(PostgresFixture postgres) : MembershipTableTestBase(postgres)
{
    [Fact]
    public async Task An_empty_table_reads_at_version_zero_with_an_etag()
    {
        var all = await Table.ReadAll();

        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
        Assert.False(string.IsNullOrEmpty(all.Version.VersionEtag));
    }

    [Fact]
    public async Task An_insert_moves_the_table_to_the_version_given_under_a_new_etag()
    {
        var empty = (await Table.ReadAll()).Version;

        Assert.True(await Table.InsertRow(Entry(11001), empty.Next()));

        var all = await Table.ReadAll();
        var (entry, etag) = Assert.Single(all.Members);
        Assert.Equal(Silo(11001), entry.SiloAddress);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Equal(1, all.Version.Version);
        Assert.NotEqual(empty.VersionEtag, all.Version.VersionEtag);
    }

    [Fact]
    public async Task An_insert_carrying_a_version_already_used_is_refused_for_the_same_silo_and_for_a_new_one()
    {
        var next = await Scratch.NextVersionAsync();
        Assert.True(await Table.InsertRow(Entry(12001), next));

        Assert.False(await Table.InsertRow(Entry(12001), next));
        Assert.False(await Table.InsertRow(Entry(12002), next));

        var all = await Table.ReadAll();
        Assert.Equal(Silo(12001), Assert.Single(all.Members).Item1.SiloAddress);
        Assert.Equal(1, all.Version.Version);
    }

    [Fact]
    public async Task Inserting_a_silo_already_in_the_table_is_refused_at_the_current_version_and_moves_nothing()
    {
        await Scratch.InsertAsync(Entry(13001));
        var before = (await Table.ReadAll()).Version;

        Assert.False(await Table.InsertRow(Entry(13001), before.Next()));

        var after = await Table.ReadAll();
        Assert.Single(after.Members);
        Assert.Equal(before, after.Version);
    }

    [Fact]
    public async Task Reading_one_row_gives_that_silo_with_its_etag_and_the_current_table_version()
    {
        await Scratch.InsertAsync(Entry(14001));
        await Scratch.InsertAsync(Entry(14002));
        var all = await Table.ReadAll();

        var one = await Table.ReadRow(Silo(14002));

        var (entry, etag) = Assert.Single(one.Members);
        Assert.Equal(Silo(14002), entry.SiloAddress);
        Assert.Equal(all.Members.Single(m => m.Item1.SiloAddress.Equals(Silo(14002))).Item2, etag);
        Assert.Equal(all.Version, one.Version);
        Assert.Equal(2, one.Version.Version);
    }

    [Fact]
    public async Task An_update_with_the_current_version_and_row_etag_replaces_the_whole_entry()
    {
        var entry = Entry(15001);
        await Scratch.InsertAsync(entry);
        var (_, etag) = Assert.Single((await Table.ReadAll()).Members);
        var changed = Entry(15001, SiloStatus.Active);
        changed.SiloName = "renamed";
        changed.HostName = "other-host";
        changed.ProxyPort = 0;
        changed.RoleName = "worker";
        changed.UpdateZone = 3;
        changed.FaultZone = 4;
        changed.StartTime = Start.AddMinutes(1);
        changed.IAmAliveTime = Start.AddMinutes(2);
        changed.AddSuspector(Silo(15002), Start.AddMinutes(3));
        changed.AddSuspector(Silo(15003), Start.AddMinutes(4));

        Assert.True(await Table.UpdateRow(changed, etag, await Scratch.NextVersionAsync()));

        var all = await Table.ReadAll();
        Assert.Equal(2, all.Version.Version);
        Assert.Equal(Describe(changed), Describe(Assert.Single(all.Members).Item1));
    }

    [Fact]
    public async Task An_update_carrying_a_stale_table_version_is_refused_even_with_the_current_row_etag()
    {
        var insertedAt = await Scratch.NextVersionAsync();
        Assert.True(await Table.InsertRow(Entry(16001), insertedAt));
        var before = await Table.ReadAll();
        var (_, etag) = Assert.Single(before.Members);

        Assert.False(await Table.UpdateRow(Entry(16001, SiloStatus.Active), etag, insertedAt));

        var after = await Table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(after.Members).Item1.Status);
    }

    [Fact]
    public async Task An_update_carrying_a_row_etag_already_used_is_refused_even_at_the_current_version()
    {
        await Scratch.InsertAsync(Entry(17001));
        var (_, firstEtag) = Assert.Single((await Table.ReadAll()).Members);
        Assert.True(await Table.UpdateRow(Entry(17001, SiloStatus.Active), firstEtag, await Scratch.NextVersionAsync()));
        var before = await Table.ReadAll();

        Assert.False(await Table.UpdateRow(Entry(17001, SiloStatus.Dead), firstEtag, before.Version.Next()));

        var after = await Table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        var (entry, etag) = Assert.Single(after.Members);
        Assert.Equal(SiloStatus.Active, entry.Status);
        Assert.NotEqual(firstEtag, etag);
    }

    [Fact]
    public async Task Updating_a_silo_that_is_not_in_the_table_is_refused_and_moves_nothing()
    {
        await Scratch.InsertAsync(Entry(18001));
        var before = await Table.ReadAll();
        var (_, etag) = Assert.Single(before.Members);

        Assert.False(await Table.UpdateRow(Entry(18002, SiloStatus.Active), etag, before.Version.Next()));

        var after = await Table.ReadAll();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Describe(before.Members[0].Item1), Describe(Assert.Single(after.Members).Item1));
    }

    [Fact]
    public async Task Of_twenty_parallel_inserts_of_one_silo_at_one_version_exactly_one_succeeds()
    {
        var next = await Scratch.NextVersionAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Table.InsertRow(Entry(19001), next)));

        Assert.Single(results, inserted => inserted);
        var all = await Table.ReadAll();
        Assert.Single(all.Members);
        Assert.Equal(1, all.Version.Version);
    }

    [Fact]
    public async Task Parallel_updaters_retrying_on_refusal_each_win_once_and_every_version_has_one_winner()
    {
        const int Updaters = 19;
        await Scratch.InsertAsync(Entry(20001));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var updaters = Enumerable.Range(0, Updaters).Select(async updater =>
        {
            await go.Task;
            while (true)
            {
                timeout.Token.ThrowIfCancellationRequested();
                var read = await Table.ReadAll();
                var (entry, etag) = Assert.Single(read.Members);
                entry.UpdateZone = updater;
                var next = read.Version.Next();
                if (await Table.UpdateRow(entry, etag, next))
                {
                    return next.Version;
                }
            }
        }).ToArray();
        go.SetResult();
        var wonAt = await Task.WhenAll(updaters);

        Assert.Equal(Enumerable.Range(2, Updaters), wonAt.Order());
        var all = await Table.ReadAll();
        Assert.Equal(1 + Updaters, all.Version.Version);
        Assert.Single(all.Members);
    }

    [Fact]
    public async Task A_heartbeat_writes_only_the_alive_time_and_leaves_the_etags_read_before_it_usable()
    {
        var entry = Entry(21001);
        entry.AddSuspector(Silo(21002), Start.AddSeconds(30));
        await Scratch.InsertAsync(entry);
        var before = await Table.ReadAll();
        var (_, etag) = Assert.Single(before.Members);
        var heartbeatAt = Start.AddHours(1);

        // As the silo's own heartbeat sends it: its address and the time, nothing else.
        await Table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = heartbeatAt });

        var after = await Table.ReadAll();
        var (read, _) = Assert.Single(after.Members);
        Assert.Equal(heartbeatAt, read.IAmAliveTime);
        read.IAmAliveTime = entry.IAmAliveTime;
        Assert.Equal(Describe(entry), Describe(read));
        Assert.Equal(before.Version, after.Version);

        entry.Status = SiloStatus.Active;
        Assert.True(await Table.UpdateRow(entry, etag, before.Version.Next()));
    }

    [Fact]
    public async Task Cleanup_removes_a_dead_silo_whose_start_heartbeat_and_suspicions_all_precede_the_cutoff()
    {
        var dead = Entry(22001, SiloStatus.Dead);
        dead.AddSuspector(Silo(22002), Start.AddMinutes(10));
        await Scratch.InsertAsync(dead);
        await Scratch.InsertAsync(Entry(22003, SiloStatus.Active));

        await Table.CleanupDefunctSiloEntries(Start.AddDays(3));

        Assert.Equal(Silo(22003), Assert.Single((await Table.ReadAll()).Members).Item1.SiloAddress);
    }

    [Theory]
    [InlineData(SiloStatus.Created)]
    [InlineData(SiloStatus.Joining)]
    [InlineData(SiloStatus.Active)]
    [InlineData(SiloStatus.ShuttingDown)]
    [InlineData(SiloStatus.Stopping)]
    public async Task Cleanup_keeps_a_silo_that_is_not_dead_however_old_its_entry(SiloStatus status)
    {
        await Scratch.InsertAsync(Entry(23001, status));

        await Table.CleanupDefunctSiloEntries(Start.AddDays(30));

        Assert.Equal(status, Assert.Single((await Table.ReadAll()).Members).Item1.Status);
    }

    [Theory]
    [InlineData("start")]
    [InlineData("heartbeat")]
    [InlineData("suspicion")]
    public async Task Cleanup_keeps_a_dead_silo_whose_start_heartbeat_or_suspicion_falls_after_the_cutoff(string recent)
    {
        var cutoff = Start.AddDays(3);
        var dead = Entry(24001, SiloStatus.Dead);
        dead.AddSuspector(Silo(24002), Start.AddMinutes(1));
        switch (recent)
        {
            case "start":
                dead.StartTime = cutoff.AddSeconds(1);
                break;
            case "heartbeat":
                dead.IAmAliveTime = cutoff.AddSeconds(1);
                break;
            default:
                dead.AddSuspector(Silo(24003), cutoff.AddSeconds(1));
                break;
        }

        await Scratch.InsertAsync(dead);

        await Table.CleanupDefunctSiloEntries(cutoff);

        Assert.Single((await Table.ReadAll()).Members);
    }

    [Fact]
    public async Task Cleanup_keeps_a_dead_silo_last_updated_exactly_at_the_cutoff()
    {
        var cutoff = Start.AddDays(3);
        var dead = Entry(25001, SiloStatus.Dead);
        dead.AddSuspector(Silo(25002), cutoff);
        await Scratch.InsertAsync(dead);

        await Table.CleanupDefunctSiloEntries(cutoff);
        Assert.Single((await Table.ReadAll()).Members);

        await Table.CleanupDefunctSiloEntries(cutoff.AddTicks(10));
        Assert.Empty((await Table.ReadAll()).Members);
    }

    [Fact]
    public async Task Cleanup_leaves_the_table_version_alone_and_running_it_again_changes_nothing()
    {
        await Scratch.InsertAsync(Entry(26001, SiloStatus.Dead));
        await Scratch.InsertAsync(Entry(26002, SiloStatus.Active));
        var before = (await Table.ReadAll()).Version;

        await Table.CleanupDefunctSiloEntries(Start.AddDays(3));
        var once = await Table.ReadAll();
        await Table.CleanupDefunctSiloEntries(Start.AddDays(3));
        var twice = await Table.ReadAll();

        Assert.Equal(before, once.Version);
        Assert.Equal(before, twice.Version);
        Assert.Equal(Silo(26002), Assert.Single(twice.Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task Cleanup_removes_only_its_own_clusters_dead_silos()
    {
        await using var other = Scratch.Open(PostgresServer.UniqueName("other"));
        await other.InitializeMembershipTable(tryInitTableVersion: true);
        Assert.True(await other.InsertRow(Entry(27001, SiloStatus.Dead), (await other.ReadAll()).Version.Next()));
        await Scratch.InsertAsync(Entry(27001, SiloStatus.Dead));

        await Table.CleanupDefunctSiloEntries(Start.AddDays(3));

        Assert.Empty((await Table.ReadAll()).Members);
        Assert.Single((await other.ReadAll()).Members);
    }

    [Fact]
    public async Task Deleting_a_clusters_entries_removes_its_silos_and_version_and_no_other_clusters()
    {
        await using var other = Scratch.Open(PostgresServer.UniqueName("other"));
        await other.InitializeMembershipTable(tryInitTableVersion: true);
        Assert.True(await other.InsertRow(Entry(28001), (await other.ReadAll()).Version.Next()));
        await Scratch.InsertAsync(Entry(28001));
        await Scratch.InsertAsync(Entry(28002));

        await Table.DeleteMembershipTableEntries(Scratch.ClusterId);

        var all = await Table.ReadAll();
        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
        var others = await other.ReadAll();
        Assert.Single(others.Members);
        Assert.Equal(1, others.Version.Version);
    }

    [Fact]
    public async Task Status_and_proxy_port_read_back_so_the_gateways_are_the_active_silos_with_a_proxy_port()
    {
        var entries = Enumerable.Range(29001, 6).Select(port => Entry(port)).ToArray();
        entries[1].Status = SiloStatus.Active;
        entries[2].Status = SiloStatus.Active;
        entries[2].ProxyPort = 0;
        entries[4].Status = SiloStatus.Active;
        entries[5].Status = SiloStatus.Dead;
        foreach (var entry in entries)
        {
            await Scratch.InsertAsync(entry);
        }

        var gateways = (await Table.ReadAll()).Members
            .Select(m => m.Item1)
            .Where(e => e.Status == SiloStatus.Active && e.ProxyPort != 0)
            .Select(e => e.SiloAddress.Endpoint.Port)
            .Order();

        Assert.Equal(new[] { 29002, 29005 }, gateways);
    }

    /// <summary>Every field Orleans reads back from the table, in one comparable value.</summary>
    private static string Describe(MembershipEntry entry) =>
        FormattableString.Invariant(
            $"{entry.SiloAddress.ToParsableString()} {entry.Status} {entry.SiloName} {entry.HostName} {entry.ProxyPort} {entry.RoleName} ") +
        FormattableString.Invariant(
            $"{entry.UpdateZone} {entry.FaultZone} {entry.StartTime:O} {entry.IAmAliveTime:O} ") +
        string.Join(',', (entry.SuspectTimes ?? []).Select(s => FormattableString.Invariant($"{s.Item1.ToParsableString()}@{s.Item2:O}")));
}
