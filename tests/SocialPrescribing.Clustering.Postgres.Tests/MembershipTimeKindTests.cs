using SocialPrescribing.Testing.Postgres;
using static SocialPrescribing.Clustering.Postgres.Tests.MembershipEntries;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>
/// Every write path stores a time of any <see cref="DateTimeKind"/> as the same instant: a Local time converted to
/// UTC, an Unspecified one taken as UTC. Run in Asia/Kathmandu (UTC+05:45 all year), where relabelling a Local time as
/// UTC, or converting an Unspecified one as if it were local, is off by hours.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public sealed class MembershipTimeKindTests(PostgresFixture postgres) : MembershipTableTestBase(postgres)
{
    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    [InlineData(DateTimeKind.Unspecified)]
    public async Task Insert_update_and_heartbeat_store_a_time_of_any_kind_as_the_same_instant(DateTimeKind kind)
    {
        using var zone = LocalTimeZone.Use("Asia/Kathmandu");
        var entry = Entry(30001);
        entry.StartTime = As(kind, Start);
        entry.IAmAliveTime = As(kind, Start.AddSeconds(5));
        entry.AddSuspector(Silo(30002), As(kind, Start.AddSeconds(10)));

        await Scratch.InsertAsync(entry);
        AssertTimes(await ReadOneAsync(), Start, Start.AddSeconds(5), Start.AddSeconds(10));

        var (_, etag) = Assert.Single((await Table.ReadAll()).Members);
        entry.StartTime = As(kind, Start.AddMinutes(1));
        entry.IAmAliveTime = As(kind, Start.AddMinutes(2));
        entry.SuspectTimes = [Tuple.Create(Silo(30002), As(kind, Start.AddMinutes(3)))];
        Assert.True(await Table.UpdateRow(entry, etag, await Scratch.NextVersionAsync()));
        AssertTimes(await ReadOneAsync(), Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(3));

        await Table.UpdateIAmAlive(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = As(kind, Start.AddHours(1)) });
        Assert.Equal(Start.AddHours(1), (await ReadOneAsync()).IAmAliveTime);
    }

    /// <summary>The UTC instant <paramref name="utc"/> written as a time of <paramref name="kind"/> (Unspecified: the UTC clock reading).</summary>
    private static DateTime As(DateTimeKind kind, DateTime utc) => kind switch
    {
        DateTimeKind.Local => utc.ToLocalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified),
        _ => utc,
    };

    private async Task<MembershipEntry> ReadOneAsync() => Assert.Single((await Table.ReadAll()).Members).Item1;

    private static void AssertTimes(MembershipEntry read, DateTime start, DateTime alive, DateTime suspected)
    {
        Assert.Equal((start, DateTimeKind.Utc), (read.StartTime, read.StartTime.Kind));
        Assert.Equal((alive, DateTimeKind.Utc), (read.IAmAliveTime, read.IAmAliveTime.Kind));
        var (_, at) = Assert.Single(read.SuspectTimes!);
        Assert.Equal((suspected, DateTimeKind.Utc), (at, at.Kind));
    }
}
