using System.Collections.Frozen;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Matching;

/// <summary>
/// The words of an interest that a match looks for, in English or French: folded (<see cref="DirectorySearchText"/>),
/// without the small words every phrase has, and each cut to its stem so that "gardening" finds "garden" and
/// "walks" finds "walking". A program holds an interest when it holds every stem, each as the start of a word.
/// </summary>
public static class MatchWords
{
    private static readonly FrozenSet<string> Small = new[]
    {
        "the", "and", "for", "with", "from", "into", "about", "again", "more", "some", "being", "get", "getting", "have", "having",
        "feel", "feeling", "want", "like", "out", "our", "their", "them", "they", "you", "your", "his", "her", "was", "are", "not",
        "les", "des", "une", "pour", "avec", "dans", "sur", "par", "aux", "mon", "mes", "ses", "son", "sa", "etre", "plus", "faire",
        "avoir", "encore", "moi", "nous", "vous", "qui", "que",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] Suffixes = ["ings", "ing", "ers", "er", "es", "s"];

    /// <summary>The stems of <paramref name="phrase"/>, in order, each once; empty when it has no word worth looking for.</summary>
    public static IReadOnlyList<string> Stems(string phrase) =>
        [.. DirectorySearchText.Words(phrase).Where(w => w.Length >= 3 && !Small.Contains(w)).Select(Stem).Distinct(StringComparer.Ordinal)];

    /// <summary>True when every stem of <paramref name="stems"/> starts one of <paramref name="words"/>.</summary>
    public static bool AllFound(IReadOnlyList<string> stems, IReadOnlyCollection<string> words) =>
        stems.Count > 0 && stems.All(stem => words.Any(word => word.StartsWith(stem, StringComparison.Ordinal)));

    private static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
