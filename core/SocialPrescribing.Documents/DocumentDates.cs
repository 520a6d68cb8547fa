using System.Globalization;

namespace SocialPrescribing.Documents;

/// <summary>Dates written out as a letter would: <c>March 3, 2025</c> in English, <c>3 mars 2025</c> in French.</summary>
/// <remarks>
/// The patterns are spelled out rather than taken from the culture's long date pattern, so that a
/// change in the platform's culture data cannot change a document; the culture supplies only the
/// month and day names.
/// </remarks>
public static class DocumentDates
{
    /// <summary>A date without its weekday.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static string Format(DateOnly date, string lang)
    {
        var culture = DocumentLanguages.CultureOf(lang);
        return lang == DocumentLanguages.French
            ? $"{FrenchDay(date)} {date.ToString("MMMM yyyy", culture)}"
            : date.ToString("MMMM d, yyyy", culture);
    }

    /// <summary>A date with its weekday: <c>Tuesday, March 18, 2025</c>, <c>mardi 18 mars 2025</c>.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static string FormatWithWeekday(DateOnly date, string lang)
    {
        var culture = DocumentLanguages.CultureOf(lang);
        return lang == DocumentLanguages.French
            ? $"{date.ToString("dddd", culture)} {FrenchDay(date)} {date.ToString("MMMM yyyy", culture)}"
            : date.ToString("dddd, MMMM d, yyyy", culture);
    }

    // French writes the first of the month as an ordinal: « le 1er avril ».
    private static string FrenchDay(DateOnly date) =>
        date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture);
}
