using SocialPrescribing.Testing.Postgres;
using static SocialPrescribing.Clustering.Postgres.Tests.MembershipEntries;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>
/// What this provider adds to the contract (<see cref="MembershipTableContractTests"/>): every field survives the round
/// trip, clusters share a schema without seeing each other, and initialising again keeps what is there.
/// </summary>
public sealed class PostgresMembershipTableTests(PostgresFixture postgres) : MembershipTableTestBase(postgres)
{
    [Fact]
    public async Task An_inserted_silo_reads_back_with_every_field()
    {
        var entry = Entry(11111);
        entry.AddSuspector(Silo(11112), Start.AddMinutes(1));

        await Scratch.InsertAsync(entry);
        var row = await Table.ReadRow(entry.SiloAddress);

        var (read, _) = Assert.Single(row.Members);
        Assert.Equal(1, row.Version.Version);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(SiloStatus.Joining, read.Status);
        Assert.Equal(12111, read.ProxyPort);
        Assert.Equal("silo-11111", read.SiloName);
        Assert.Equal("test-host", read.HostName);
        Assert.Equal("host", read.RoleName);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        var (suspect, at) = Assert.Single(read.SuspectTimes!);
        Assert.Equal(Silo(11112), suspect);
        Assert.Equal(Start.AddMinutes(1), at);
    }

    [Fact]
    public async Task Clusters_sharing_a_schema_do_not_see_each_other()
    {
        await using var other = Scratch.Open(PostgresServer.UniqueName("other"));
        await other.InitializeMembershipTable(tryInitTableVersion: true);

        await Scratch.InsertAsync(Entry(25001));

        var others = await other.ReadAll();
        Assert.Empty(others.Members);
        Assert.Equal(0, others.Version.Version);
    }

    [Fact]
    public async Task Initialising_an_existing_table_again_keeps_its_silos_and_version()
    {
        await Scratch.InsertAsync(Entry(26001, SiloStatus.Active));
        var before = await Table.ReadAll();

        await using var restarted = Scratch.Open(Scratch.ClusterId);
        await restarted.InitializeMembershipTable(tryInitTableVersion: true);

        var after = await restarted.ReadAll();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(Silo(26001), Assert.Single(after.Members).Item1.SiloAddress);
    }
}
