using System.Globalization;
using System.Text;

namespace SocialPrescribing.Storage;

/// <summary>
/// How the directory's search reads text, once for every engine: letters without their accents and in lower case,
/// digits, and nothing else ("Théâtre d'été" reads "theatre d ete"), so that "theatre" finds "théâtre" on PostgreSQL and
/// SQLite alike. A search is every word of the query, each as the start of a word of the service ("garden" finds
/// "gardening").
/// </summary>
public static class DirectorySearchText
{
    /// <summary>The most words a search uses; more are ignored.</summary>
    public const int MaxWords = 12;

    /// <summary>The longest word a search uses; longer are cut.</summary>
    public const int MaxWordLength = 40;

    /// <summary><paramref name="text"/> folded: accents off, lower case, anything but a letter or digit a space.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                folded.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                folded.Append(' ');
                space = true;
            }
        }

        return folded.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words a search for <paramref name="query"/> looks for, folded; empty when it has none.</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : [.. Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).Take(MaxWords)
                .Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w)];
}
