namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>The terms an instrument is used under, as far as showing its item wording is concerned.</summary>
public sealed record InstrumentLicence
{
    /// <summary>Who may show the item wording to people.</summary>
    public required ItemTextUse ItemTextUse { get; init; }

    /// <summary>The citation and notice to display wherever the instrument or its scores are shown.</summary>
    public required string Notice { get; init; }

    /// <summary>
    /// True when this instance carries item wording; false when items have keys only and
    /// <see cref="AssessmentItem.Text"/> is null.
    /// </summary>
    public required bool ItemTextIncluded { get; init; }
}
