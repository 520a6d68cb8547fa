using System.Globalization;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Tenants;

/// <summary>Business days in Toronto; Monday 16 February 2026 (Family Day) is a holiday of the fixed tenant.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly TenantSettings WithoutHolidays = Fixed.Tenant with { Holidays = [] };

    [Theory]
    [InlineData("2026-02-02", 1, "2026-02-03")] // Monday + 1 → Tuesday
    [InlineData("2026-02-02", 4, "2026-02-06")] // Monday + 4 → Friday
    [InlineData("2026-02-06", 1, "2026-02-09")] // Friday + 1 → Monday
    [InlineData("2026-02-04", 5, "2026-02-11")] // Wednesday + 5 → next Wednesday
    [InlineData("2026-02-02", 10, "2026-02-16")] // two full weeks
    public void Weekends_are_skipped(string start, int days, string expected)
    {
        var from = At10(Date(start));

        var due = BusinessCalendar.AddBusinessDays(from, days, WithoutHolidays);

        Assert.Equal(At10(Date(expected)), due);
    }

    [Fact]
    public void A_friday_acceptance_is_due_the_next_friday()
    {
        var due = BusinessCalendar.AddBusinessDays(Fixed.InToronto(2026, 2, 6, 14, 30), 5, Fixed.Tenant);

        Assert.Equal(Fixed.InToronto(2026, 2, 13, 14, 30), due);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void A_weekend_start_lands_on_the_friday_after(int day)
    {
        var due = BusinessCalendar.AddBusinessDays(Fixed.InToronto(2026, 2, day, 9), 5, Fixed.Tenant);

        Assert.Equal(Fixed.InToronto(2026, 2, 13, 9), due);
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var from = Fixed.InToronto(2026, 2, 11, 10);

        Assert.Equal(Fixed.InToronto(2026, 2, 18, 10), BusinessCalendar.AddBusinessDays(from, 5, WithoutHolidays));
        Assert.Equal(Fixed.InToronto(2026, 2, 19, 10), BusinessCalendar.AddBusinessDays(from, 5, Fixed.Tenant));
    }

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing()
    {
        var tenant = Fixed.Tenant with { Holidays = [new DateOnly(2026, 2, 14)] };

        var due = BusinessCalendar.AddBusinessDays(Fixed.InToronto(2026, 2, 11, 10), 5, tenant);

        Assert.Equal(Fixed.InToronto(2026, 2, 18, 10), due);
    }

    [Fact]
    public void The_spring_daylight_saving_change_keeps_the_local_time_of_day()
    {
        // Clocks go forward on Sunday 8 March 2026: 10:00 EST is 15:00 UTC, 10:00 EDT is 14:00 UTC.
        var from = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

        var due = BusinessCalendar.AddBusinessDays(from, 5, Fixed.Tenant);

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 14, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTime(2026, 3, 11, 10, 0, 0), TimeZoneInfo.ConvertTime(due, Fixed.Toronto).DateTime);
    }

    [Fact]
    public void The_autumn_daylight_saving_change_keeps_the_local_time_of_day()
    {
        // Clocks go back on Sunday 1 November 2026: 10:00 EDT is 14:00 UTC, 10:00 EST is 15:00 UTC.
        var from = new DateTimeOffset(2026, 10, 28, 14, 0, 0, TimeSpan.Zero);

        var due = BusinessCalendar.AddBusinessDays(from, 5, Fixed.Tenant);

        Assert.Equal(new DateTimeOffset(2026, 11, 4, 15, 0, 0, TimeSpan.Zero), due);
        Assert.Equal(new DateTime(2026, 11, 4, 10, 0, 0), TimeZoneInfo.ConvertTime(due, Fixed.Toronto).DateTime);
    }

    [Fact]
    public void Days_are_counted_from_the_programs_local_date_not_the_utc_date()
    {
        // Thursday 23:30 in Toronto is already Friday in UTC; counting from Friday would give Friday the 13th.
        var thursdayNight = Fixed.InToronto(2026, 2, 5, 23, 30);

        var due = BusinessCalendar.AddBusinessDays(thursdayNight, 5, Fixed.Tenant);

        Assert.Equal(Fixed.InToronto(2026, 2, 12, 23, 30), due);
    }

    [Fact]
    public void The_result_is_an_instant_in_utc()
    {
        var due = BusinessCalendar.AddBusinessDays(Fixed.InToronto(2026, 2, 4, 10), 5, Fixed.Tenant);

        Assert.Equal(TimeSpan.Zero, due.Offset);
    }

    [Fact]
    public void Zero_business_days_is_the_same_instant()
    {
        var from = Fixed.InToronto(2026, 2, 7, 12);

        Assert.Equal(from, BusinessCalendar.AddBusinessDays(from, 0, Fixed.Tenant));
    }

    [Fact]
    public void A_negative_number_of_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BusinessCalendar.AddBusinessDays(Fixed.Now, -1, Fixed.Tenant));
    }

    [Theory]
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", false)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-17", true)]
    public void A_business_day_is_a_weekday_that_is_not_a_holiday(string date, bool expected)
    {
        Assert.Equal(expected, BusinessCalendar.IsBusinessDay(Date(date), Fixed.Tenant));
    }

    [Fact]
    public void The_local_date_is_the_date_on_the_programs_wall_clock()
    {
        var at = new DateTimeOffset(2026, 2, 5, 3, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 2, 4), BusinessCalendar.LocalDate(at, Fixed.Tenant));
        Assert.Equal(new DateOnly(2026, 2, 5), BusinessCalendar.LocalDate(at, WithoutHolidays with { TimeZone = TimeZoneInfo.Utc }));
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At10(DateOnly date) => Fixed.InToronto(date.Year, date.Month, date.Day, 10);
}
