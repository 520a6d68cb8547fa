using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>Answer sets shared by several items, written once.</summary>
internal static class ResponseScales
{
    /// <summary>Options valued from <paramref name="first"/> upwards, one per label.</summary>
    public static IReadOnlyList<ResponseOption> Labelled(int first, params string[] labels) =>
        [.. labels.Select((label, i) => new ResponseOption(first + i, label))];

    /// <summary>A numbered scale whose ends carry words and whose middle values are their own labels.</summary>
    public static IReadOnlyList<ResponseOption> Numbered(int minimum, int maximum, string lowEnd, string highEnd) =>
    [
        .. Enumerable.Range(minimum, maximum - minimum + 1).Select(value => new ResponseOption(
            value,
            value == minimum ? $"{value} – {lowEnd}" : value == maximum ? $"{value} – {highEnd}" : $"{value}")),
    ];

    /// <summary>An item answered on the given options, its range taken from them.</summary>
    public static AssessmentItem Item(string key, string? text, IReadOnlyList<ResponseOption> options, bool optional = false) => new()
    {
        Key = key,
        Text = text,
        ResponseOptions = options,
        Minimum = options[0].Value,
        Maximum = options[^1].Value,
        Optional = optional,
    };
}
