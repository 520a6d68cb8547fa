namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>One answer an item offers.</summary>
/// <param name="Value">The value recorded and scored.</param>
/// <param name="Label">The label shown to the person for that value.</param>
public sealed record ResponseOption(int Value, string Label)
{
    /// <summary><see cref="Label"/> in other languages, by two-letter code (<c>fr</c>), as for <see cref="AssessmentItem.Translations"/>.</summary>
    public IReadOnlyDictionary<string, string>? Translations { get; init; }
}
