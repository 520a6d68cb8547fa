namespace SocialPrescribing.Domain.Tenants;

/// <summary>Counts business days (Monday to Friday, less the tenant's holidays) in the tenant's time zone.</summary>
public static class BusinessCalendar
{
    /// <summary>
    /// The instant <paramref name="days"/> business days after <paramref name="from"/>, at the same
    /// local time of day. Counting starts with the next day, so a Saturday start lands on Friday.
    /// </summary>
    public static DateTimeOffset AddBusinessDays(DateTimeOffset from, int days, TenantSettings tenant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TimeZoneInfo.ConvertTime(from, tenant.TimeZone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date, tenant))
            {
                counted++;
            }
        }

        var wallClock = date.ToDateTime(TimeOnly.FromDateTime(local.DateTime));
        // A wall-clock time skipped by a daylight-saving jump does not exist; move past the gap.
        while (tenant.TimeZone.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddMinutes(30);
        }

        return new DateTimeOffset(wallClock, tenant.TimeZone.GetUtcOffset(wallClock)).ToUniversalTime();
    }

    public static bool IsBusinessDay(DateOnly date, TenantSettings tenant) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !tenant.Holidays.Contains(date);

    /// <summary>The tenant's calendar date at an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset at, TenantSettings tenant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, tenant.TimeZone).DateTime);

    /// <summary>Today on the calendar of <paramref name="tenant"/> (UTC's when the tenant is not known).</summary>
    public static DateOnly Today(TimeProvider time, TenantSettings? tenant)
    {
        ArgumentNullException.ThrowIfNull(time);
        return tenant is null ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) : LocalDate(time.GetUtcNow(), tenant);
    }
}
