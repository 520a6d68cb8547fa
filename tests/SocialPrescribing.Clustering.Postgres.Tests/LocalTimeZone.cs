namespace SocialPrescribing.Clustering.Postgres.Tests;

/// <summary>
/// Makes <see cref="TimeZoneInfo.Local"/> another zone until disposed, so that conversions of Local and Unspecified
/// times can fail on a machine that runs in UTC. .NET on Linux and macOS reads <c>TZ</c> again once its cached zone
/// data is cleared. The whole process sees the change: use it only in <see cref="ProcessWideStateCollection"/>.
/// </summary>
internal sealed class LocalTimeZone : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("TZ");

    private LocalTimeZone(string id)
    {
        Environment.SetEnvironmentVariable("TZ", id);
        TimeZoneInfo.ClearCachedData();
    }

    public static LocalTimeZone Use(string id)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "Only Linux and macOS take the local time zone from TZ.");
        return new LocalTimeZone(id);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}
