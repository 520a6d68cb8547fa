using System.Globalization;

namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// Numbers and times as the report writes them. Patterns are spelled out, as in
/// <see cref="DocumentDates"/>, so that a change in the platform's culture data cannot change a
/// report; the culture supplies only the decimal separator.
/// </summary>
internal static class ReportFormat
{
    // U+00A0: French puts a non-breaking space before the percent sign.
    private const string FrenchPercent = "\u00A0%";

    // U+2212, the minus sign, rather than a hyphen: it reads as "minus" and lines up with the plus.
    private const char Minus = '\u2212';

    /// <summary>A mean, always with two decimals: <c>4.20</c>, <c>4,20</c>.</summary>
    public static string Mean(decimal value, string lang) =>
        value.ToString("0.00", DocumentLanguages.CultureOf(lang)).Replace('-', Minus);

    /// <summary>A change with its sign and two decimals: <c>+1.50</c>, <c>−0,75</c>, <c>0.00</c>.</summary>
    public static string Change(decimal value, string lang) =>
        value switch
        {
            > 0 => "+" + Mean(value, lang),
            _ => Mean(value, lang),
        };

    /// <summary>A score bound, threshold or axis value with only the decimals it needs: <c>7</c>, <c>17.5</c>.</summary>
    public static string Number(decimal value, string lang) =>
        value.ToString("0.##", DocumentLanguages.CultureOf(lang)).Replace('-', Minus);

    /// <summary>A share from 0 to 1 as a whole percentage: <c>43%</c>, <c>43 %</c>.</summary>
    public static string Percent(decimal share, string lang)
    {
        var percent = Math.Round(share * 100, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture);
        return lang == DocumentLanguages.French ? percent + FrenchPercent : percent + "%";
    }

    /// <summary>A time of day: <c>9:05 a.m.</c> in English (Canadian style), <c>9 h 05</c> in French.</summary>
    public static string TimeOfDay(TimeOnly time, string lang)
    {
        var minutes = time.Minute.ToString("00", CultureInfo.InvariantCulture);
        if (lang == DocumentLanguages.French)
        {
            return $"{time.Hour.ToString(CultureInfo.InvariantCulture)} h {minutes}";
        }

        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        return $"{hour.ToString(CultureInfo.InvariantCulture)}:{minutes} {(time.Hour < 12 ? "a.m." : "p.m.")}";
    }

    /// <summary>An offset from UTC: <c>UTC-06:00</c>, <c>UTC+05:30</c>, or <c>UTC</c> for none.</summary>
    public static string UtcOffset(TimeSpan offset) =>
        offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A coordinate or size for SVG: a dot, at most two decimals, no group separators.</summary>
    public static string Svg(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
