using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>The membership table's contract with Orleans: atomic reads, and changes guarded by the table version's etag.</summary>
public sealed class PostgresMembershipTableTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly string _schema = PostgresServer.UniqueName("membership");
    private readonly string _clusterId = PostgresServer.UniqueName("cluster");
    private PostgresServer _server = null!;
    private PostgresMembershipTable _table = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await postgres.GetServerAsync();
        _table = Open(_clusterId);
        await _table.InitializeMembershipTable(tryInitTableVersion: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _table.DisposeAsync();
        await _server.DropSchemaAsync(_schema, CancellationToken.None);
    }

    private PostgresMembershipTable Open(string clusterId) => new(
        Options.Create(new PostgresClusteringOptions { ConnectionString = _server.ConnectionString, Schema = _schema }),
        Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "tests" }),
        NullLogger<PostgresMembershipTable>.Instance);

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "test-host",
        ProxyPort = port + 1000,
        RoleName = "host",
        StartTime = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc),
        IAmAliveTime = new DateTime(2026, 11, 25, 10, 0, 5, DateTimeKind.Utc),
        SuspectTimes = [],
    };

    [Fact]
    public async Task A_new_table_is_empty_at_version_zero()
    {
        var all = await _table.ReadAll();

        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
    }

    [Fact]
    public async Task An_inserted_silo_reads_back_with_every_field()
    {
        var version = (await _table.ReadAll()).Version;
        var entry = Entry(11111);
        entry.SuspectTimes!.Add(Tuple.Create(SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 3), new DateTime(2026, 11, 25, 10, 1, 0, DateTimeKind.Utc)));

        Assert.True(await _table.InsertRow(entry, version.Next()));
        var row = await _table.ReadRow(entry.SiloAddress);

        var (read, _) = Assert.Single(row.Members);
        Assert.Equal(1, row.Version.Version);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(12111, read.ProxyPort);
        Assert.Equal("silo-11111", read.SiloName);
        Assert.Equal(entry.StartTime, read.StartTime);
        var (suspect, at) = Assert.Single(read.SuspectTimes!);
        Assert.Equal(11112, suspect.Endpoint.Port);
        Assert.Equal(new DateTime(2026, 11, 25, 10, 1, 0, DateTimeKind.Utc), at);
    }

    [Fact]
    public async Task A_change_from_a_stale_table_version_is_refused_and_changes_nothing()
    {
        var stale = (await _table.ReadAll()).Version;
        Assert.True(await _table.InsertRow(Entry(20001), stale.Next()));

        Assert.False(await _table.InsertRow(Entry(20002), stale.Next()));

        var all = await _table.ReadAll();
        Assert.Single(all.Members);
        Assert.Equal(1, all.Version.Version);
    }

    [Fact]
    public async Task Inserting_the_same_silo_twice_is_refused_without_moving_the_version()
    {
        var version = (await _table.ReadAll()).Version;
        Assert.True(await _table.InsertRow(Entry(21001), version.Next()));
        var current = (await _table.ReadAll()).Version;

        Assert.False(await _table.InsertRow(Entry(21001), current.Next()));

        Assert.Equal(current, (await _table.ReadAll()).Version);
    }

    [Fact]
    public async Task An_update_needs_the_rows_current_etag()
    {
        var version = (await _table.ReadAll()).Version;
        var entry = Entry(22001);
        await _table.InsertRow(entry, version.Next());
        var (_, etag) = Assert.Single((await _table.ReadAll()).Members);
        entry.Status = SiloStatus.Active;

        var first = await _table.UpdateRow(entry, etag, (await _table.ReadAll()).Version.Next());
        entry.Status = SiloStatus.Dead;
        var withOldEtag = await _table.UpdateRow(entry, etag, (await _table.ReadAll()).Version.Next());

        Assert.True(first);
        Assert.False(withOldEtag);
        Assert.Equal(SiloStatus.Active, Assert.Single((await _table.ReadAll()).Members).Item1.Status);
    }

    [Fact]
    public async Task A_heartbeat_moves_only_the_alive_time()
    {
        var entry = Entry(23001);
        await _table.InsertRow(entry, (await _table.ReadAll()).Version.Next());
        var before = await _table.ReadAll();
        entry.IAmAliveTime = new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc);
        entry.Status = SiloStatus.Dead;

        await _table.UpdateIAmAlive(entry);

        var after = await _table.ReadAll();
        var (read, _) = Assert.Single(after.Members);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Defunct_dead_silos_are_cleaned_up_and_live_ones_kept()
    {
        var dead = Entry(24001, SiloStatus.Dead);
        var live = Entry(24002, SiloStatus.Active);
        await _table.InsertRow(dead, (await _table.ReadAll()).Version.Next());
        await _table.InsertRow(live, (await _table.ReadAll()).Version.Next());

        await _table.CleanupDefunctSiloEntries(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(live.SiloAddress, Assert.Single((await _table.ReadAll()).Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task Clusters_sharing_a_database_do_not_see_each_other()
    {
        await using var other = Open(PostgresServer.UniqueName("other"));
        await other.InitializeMembershipTable(tryInitTableVersion: true);
        await _table.InsertRow(Entry(25001), (await _table.ReadAll()).Version.Next());

        Assert.Empty((await other.ReadAll()).Members);

        await _table.DeleteMembershipTableEntries(_clusterId);
        Assert.Empty((await _table.ReadAll()).Members);
    }
}
