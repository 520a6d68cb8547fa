using System.Collections.Frozen;
using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>
/// An instrument in a tenant's catalogue, where it comes from (<c>built-in</c> or a plugin id), and its items with
/// every translation the tenant has of them: the instrument's own, each language replaced by the tenant's wording.
/// </summary>
public sealed record CatalogedInstrument(IAssessmentInstrument Instrument, string Source)
{
    /// <summary>The language of an instrument's own wording (<see cref="AssessmentItem.Text"/>).</summary>
    public const string BaseLanguage = "en";

    /// <summary>The items, each with its <see cref="AssessmentItem.Translations"/> and its answers' as this tenant has them.</summary>
    public IReadOnlyList<AssessmentItem> Items { get; init; } = Instrument.Items;

    /// <summary>The languages the whole instrument can be given in (every item and every answer worded): English first.</summary>
    public IReadOnlyList<string> Languages =>
    [
        BaseLanguage,
        .. Items.SelectMany(i => i.Translations?.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(language => language != BaseLanguage && In(language) is not null),
    ];

    /// <summary>The items worded in <paramref name="language"/>, or null when some item or answer has no wording in it.</summary>
    public IReadOnlyList<WordedItem>? In(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var worded = new List<WordedItem>(Items.Count);
        foreach (var item in Items)
        {
            string? text = null;
            if (item.Text is not null && !Word(item.Text, item.Translations, language, out text))
            {
                return null;
            }

            var options = new List<WordedOption>(item.ResponseOptions.Count);
            foreach (var option in item.ResponseOptions)
            {
                if (!Word(option.Label, option.Translations, language, out var label))
                {
                    return null;
                }

                options.Add(new WordedOption(option.Value, label!));
            }

            worded.Add(new WordedItem(item.Key, text, options));
        }

        return worded;
    }

    /// <summary>
    /// <paramref name="items"/> with the tenant's wording in <paramref name="language"/> in their translations: one text
    /// per item, and one label per answer value (lowest first) unless the answers have that language already.
    /// </summary>
    /// <exception cref="ArgumentException">The wording does not fit the items.</exception>
    public static IReadOnlyList<AssessmentItem> WithWording(IReadOnlyList<AssessmentItem> items, string language, IReadOnlyList<string> texts, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (language.Length != 2 || !language.All(char.IsAsciiLetterLower) || language == BaseLanguage)
        {
            throw new ArgumentException($"'{language}' is not a two-letter language code other than '{BaseLanguage}' (the instruments' own wording).");
        }

        if (texts.Count != items.Count || texts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"ItemTexts needs {items.Count} texts, one per item in order; it has {texts.Count(t => !string.IsNullOrWhiteSpace(t))}.");
        }

        return [.. items.Select((item, i) =>
        {
            if (labels.Count == 0 && item.ResponseOptions.Any(o => o.Translations?.ContainsKey(language) != true))
            {
                throw new ArgumentException($"ResponseLabels is needed: the answers of item '{item.Key}' have no '{language}' labels.");
            }

            if (labels.Count != 0 && labels.Count != item.ResponseOptions.Count)
            {
                throw new ArgumentException($"ResponseLabels has {labels.Count} labels; item '{item.Key}' has {item.ResponseOptions.Count} answers.");
            }

            return item with
            {
                Translations = With(item.Translations, language, texts[i]),
                ResponseOptions = labels.Count == 0
                    ? item.ResponseOptions
                    : [.. item.ResponseOptions.Select((o, j) => o with { Translations = With(o.Translations, language, labels[j]) })],
            };
        })];
    }

    private static FrozenDictionary<string, string> With(IReadOnlyDictionary<string, string>? translations, string language, string text)
    {
        var all = translations?.ToDictionary(StringComparer.Ordinal) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        all[language] = text;
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool Word(string text, IReadOnlyDictionary<string, string>? translations, string language, out string? worded)
    {
        worded = language == BaseLanguage ? text : translations?.GetValueOrDefault(language);
        return !string.IsNullOrWhiteSpace(worded);
    }
}

/// <summary>An item as put to the person in one language: its text (null when licensed wording is missing) and answers.</summary>
public sealed record WordedItem(string Key, string? Text, IReadOnlyList<WordedOption> Options);

/// <summary>An answer as offered in one language.</summary>
public sealed record WordedOption(int Value, string Label);
