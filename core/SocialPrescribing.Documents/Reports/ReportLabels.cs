using System.Collections.Frozen;
using System.Text;

namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// The words a report uses for instruments and scores. The report model carries ids and the
/// catalogue's (English) titles; the built-in instruments' names and score names are translated
/// here, and anything else (a plugin's instrument) shows as it comes.
/// </summary>
internal static class ReportLabels
{
    private static readonly FrozenDictionary<string, string> FrenchTitles =
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ons4"] = "Bien-être personnel selon l’ONS (ONS4)",
            ["ucla3"] = "Échelle de solitude en trois questions (UCLA-3)",
            ["swemwbs"] = "Échelle abrégée de bien-être mental de Warwick-Edinburgh (SWEMWBS)",
            ["phq9"] = "Questionnaire sur la santé du patient (PHQ-9)",
            ["gad7"] = "Échelle du trouble d’anxiété généralisée (GAD-7)",
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, (string En, string Fr)> Scores =
        new Dictionary<string, (string En, string Fr)>(StringComparer.Ordinal)
        {
            ["total"] = ("Total score", "Score total"),
            ["raw"] = ("Raw score", "Score brut"),
            ["metric"] = ("Metric score", "Score métrique"),
            ["direct"] = ("Direct question", "Question directe"),
            ["lifeSatisfaction"] = ("Life satisfaction", "Satisfaction à l’égard de la vie"),
            ["worthwhile"] = ("Life is worthwhile", "La vie vaut la peine"),
            ["happiness"] = ("Happiness", "Bonheur"),
            ["anxiety"] = ("Anxiety", "Anxiété"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The instrument's name: the catalogue's title in English, a translation in French when there is one.</summary>
    public static string Instrument(string id, string title, string lang) =>
        lang == DocumentLanguages.French && FrenchTitles.TryGetValue(id, out var french) ? french : title;

    /// <summary>A score's name in words; an unknown one (<c>sleepQuality</c>) as its words (<c>Sleep quality</c>).</summary>
    public static string Score(string name, string lang)
    {
        if (Scores.TryGetValue(name, out var label))
        {
            return lang == DocumentLanguages.French ? label.Fr : label.En;
        }

        return Words(name);
    }

    // camelCase or kebab-case to a sentence-case phrase.
    private static string Words(string name)
    {
        var words = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is '-' or '_')
            {
                words.Append(' ');
            }
            else if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return words.ToString();
    }
}
