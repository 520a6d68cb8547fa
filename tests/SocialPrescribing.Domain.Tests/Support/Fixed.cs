using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>The one world every test decides in: a fixed instant and an Ontario program's policy.</summary>
public static class Fixed
{
    public static readonly TimeZoneInfo Toronto = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    /// <summary>Wednesday 4 February 2026, 10:00 in Toronto (EST, UTC-5): well away from any DST change or holiday.</summary>
    public static readonly DateTimeOffset Now = new(2026, 2, 4, 15, 0, 0, TimeSpan.Zero);

    public static readonly TenantSettings Tenant = new()
    {
        Id = TenantId.Parse("on"),
        DisplayName = "Test social prescribing program",
        TimeZone = Toronto,
        FirstContactSlaBusinessDays = 5,
        MinimumContactAttempts = 3,
        Holidays = [new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 16), new DateOnly(2026, 4, 3), new DateOnly(2026, 12, 25)],
        Supervisors = [new Supervisor(Commands.Supervisor, "Dr. Ngozi Okafor", "n.okafor@example.org")],
    };

    /// <summary>A context whose new ids are sequential, so that a journey built with it never repeats one.</summary>
    public static DecisionContext Context(DateTimeOffset? now = null, TenantSettings? tenant = null)
    {
        var next = 0;
        return new DecisionContext(now ?? Now, tenant ?? Tenant, () => SequentialId(Interlocked.Increment(ref next)));
    }

    /// <summary>Toronto wall-clock time as an instant.</summary>
    public static DateTimeOffset InToronto(int year, int month, int day, int hour, int minute = 0)
    {
        var wallClock = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, Toronto.GetUtcOffset(wallClock));
    }

    public static DateOnly TodayInToronto(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Toronto).DateTime);

    private static Guid SequentialId(int n) => new(n, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
}
