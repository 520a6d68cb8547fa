using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The application's messages (a journey's refusal, a field's fault, why a program matches) in the console's other
/// languages: <c>MessageText.fr.resx</c> names each English message as the code writes it, its values as
/// <c>{0}</c>, <c>{1}</c>… (<c>A note is at most {0} characters.</c>), and gives the French with the same values.
/// The API answers in English for every client; the console translates what it shows, values and all.
/// </summary>
public sealed class MessageText;

/// <summary>A message as the console shows it: its text, and the language it is in when that is not the page's.</summary>
public readonly record struct ShownMessage(string Text, string? Language);

public static partial class ConsoleMessages
{
    private static readonly ResourceManager Resources = new(typeof(MessageText));
    private static readonly ConcurrentDictionary<string, Catalog?> Catalogs = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="english"/> in <paramref name="culture"/> (a page's UI language): the catalog's wording with the
    /// message's own values, or the English marked as English when the catalog has none.
    /// </summary>
    public static ShownMessage Show(string english, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(culture);
        var language = culture.TwoLetterISOLanguageName;
        if (language is "en" or "iv")
        {
            return new ShownMessage(english, null);
        }

        var catalog = Catalogs.GetOrAdd(language, static (_, c) => Catalog.Load(c), culture);
        return catalog?.Translate(english) is { } translated ? new ShownMessage(translated, null) : new ShownMessage(english, "en");
    }

    /// <summary>The translation, or the English when the catalog has none (for text that cannot carry a language).</summary>
    public static string Text(string english) => Show(english, CultureInfo.CurrentUICulture).Text;

    /// <summary>Every English message the catalog of <paramref name="culture"/> holds, with its wording there.</summary>
    public static IReadOnlyDictionary<string, string> Entries(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // fr-CA takes what fr says, then what fr-CA says differently; the neutral (English) set is empty.
        var cultures = new Stack<CultureInfo>();
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            cultures.Push(c);
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in cultures)
        {
            if (Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false) is { } set)
            {
                foreach (DictionaryEntry entry in set)
                {
                    entries[(string)entry.Key] = (string)entry.Value!;
                }
            }
        }

        return entries;
    }

    [GeneratedRegex(@"\{(\d+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();

    /// <summary>The holes of a template, in order of appearance: <c>{1} … {0}</c> gives [1, 0].</summary>
    public static IReadOnlyList<int> HolesOf(string template) =>
        [.. Hole().Matches(template).Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))];

    private sealed class Catalog(Dictionary<string, string> exact, List<(Regex English, string Translation)> patterns)
    {
        public static Catalog? Load(CultureInfo culture)
        {
            var entries = Entries(culture);
            if (entries.Count == 0)
            {
                return null;
            }

            var exact = new Dictionary<string, string>(StringComparer.Ordinal);
            var patterns = new List<(Regex, string, int)>();
            foreach (var (english, translation) in entries)
            {
                if (HolesOf(english).Count == 0)
                {
                    exact[english] = translation;
                    continue;
                }

                // Each hole matches as little as it can; the fixed words around it anchor it. The most specific
                // templates (the most fixed words) are tried first.
                var pattern = new StringBuilder("^");
                var at = 0;
                foreach (Match hole in Hole().Matches(english))
                {
                    pattern.Append(Regex.Escape(english[at..hole.Index])).Append("(?<h").Append(hole.Groups[1].Value).Append(">.+?)");
                    at = hole.Index + hole.Length;
                }

                pattern.Append(Regex.Escape(english[at..])).Append('$');
                var fixedLength = Hole().Replace(english, string.Empty).Length;
                patterns.Add((new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100)), translation, fixedLength));
            }

            return new Catalog(exact, [.. patterns.OrderByDescending(p => p.Item3).Select(p => (p.Item1, p.Item2))]);
        }

        public string? Translate(string english)
        {
            if (exact.TryGetValue(english, out var found))
            {
                return found;
            }

            foreach (var (pattern, translation) in patterns)
            {
                var match = pattern.Match(english);
                if (match.Success)
                {
                    // A value is itself a message only rarely (a refusal inside "partly done"); values are kept as sent.
                    return Hole().Replace(translation, h => match.Groups["h" + h.Groups[1].Value].Value);
                }
            }

            return null;
        }
    }
}
