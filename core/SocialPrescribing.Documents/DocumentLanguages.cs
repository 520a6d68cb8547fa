using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialPrescribing.Documents;

/// <summary>The languages documents are written in, as lower-case two-letter codes.</summary>
public static class DocumentLanguages
{
    /// <summary>English, formatted for Canada.</summary>
    public const string English = "en";

    /// <summary>French, formatted for Canada.</summary>
    public const string French = "fr";

    private static readonly FrozenDictionary<string, CultureInfo> Cultures = new Dictionary<string, CultureInfo>(StringComparer.Ordinal)
    {
        [English] = CultureInfo.GetCultureInfo("en-CA"),
        [French] = CultureInfo.GetCultureInfo("fr-CA"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every supported language code: <c>en</c> and <c>fr</c>.</summary>
    public static IReadOnlyList<string> All { get; } = [English, French];

    /// <summary>True for a supported code. Codes are matched exactly, so <c>FR</c> is not one.</summary>
    public static bool IsSupported([NotNullWhen(true)] string? lang) => lang is not null && Cultures.ContainsKey(lang);

    /// <summary>The culture dates and numbers are formatted in for a language.</summary>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported.</exception>
    public static CultureInfo CultureOf(string lang) =>
        lang is not null && Cultures.TryGetValue(lang, out var culture)
            ? culture
            : throw new UnsupportedDocumentLanguageException(lang);
}
