using System.Net;

namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>Membership entries to arrange tests with.</summary>
internal static class MembershipEntries
{
    /// <summary>
    /// When the silos of a test start. The table never reads the clock, so a fixed instant serves and keeps the
    /// tests independent of today's date; times that matter are set relative to it.
    /// </summary>
    public static readonly DateTime Start = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    public static SiloAddress Silo(int port) => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 7);

    /// <summary>A silo started at <see cref="Start"/> that last reported itself alive five seconds later, unsuspected.</summary>
    public static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining) => new()
    {
        SiloAddress = Silo(port),
        Status = status,
        SiloName = $"silo-{port}",
        HostName = "test-host",
        ProxyPort = port + 1000,
        RoleName = "host",
        StartTime = Start,
        IAmAliveTime = Start.AddSeconds(5),
        SuspectTimes = [],
    };
}
