namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>One question of an instrument and the answers it accepts.</summary>
public sealed record AssessmentItem
{
    /// <summary>The stable key of the item, for example <c>selfHarm</c>; named in validation errors.</summary>
    public required string Key { get; init; }

    /// <summary>
    /// The wording shown to the person, or <see langword="null"/> when the wording is licensed and the tenant
    /// has not supplied it (see <see cref="InstrumentLicence"/>).
    /// </summary>
    public string? Text { get; init; }

    /// <summary>
    /// <see cref="Text"/> in other languages, by two-letter code (<c>fr</c>): the validated translations the instrument
    /// ships with. A tenant's own wording for a language (its licensed translation) takes their place. A host asks the
    /// person's language of every item and every answer; a language some item lacks is not offered for the instrument.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Translations { get; init; }

    /// <summary>The answers offered, each a value and the label shown for it, in ascending value order.</summary>
    public required IReadOnlyList<ResponseOption> ResponseOptions { get; init; }

    /// <summary>The lowest value the item accepts.</summary>
    public required int Minimum { get; init; }

    /// <summary>The highest value the item accepts.</summary>
    public required int Maximum { get; init; }

    /// <summary>
    /// True when the item may be left unanswered. Optional items come after every required item, so the
    /// responses to an administration can stop after the last required one.
    /// </summary>
    public bool Optional { get; init; }
}
