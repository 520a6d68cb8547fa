namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>
/// A standardised questionnaire the framework can administer and score: its items, its licence, how its
/// answers become scores, bands and safety flags, and when a change between two scorings is meaningful.
/// </summary>
/// <remarks>
/// Implementations are immutable and safe to share between threads. Mark the type with
/// <see cref="AssessmentInstrumentAttribute"/> so a host can list it in its catalogue without creating it.
/// </remarks>
public interface IAssessmentInstrument
{
    /// <summary>The stable id stored with every result, for example <c>phq9</c>.</summary>
    string Id { get; }

    /// <summary>The version of the scoring rules, for example <c>1.0</c>; stored with every result.</summary>
    string Version { get; }

    /// <summary>The name shown to people, for example <c>Patient Health Questionnaire-9</c>.</summary>
    string Title { get; }

    /// <summary>The items in the order their responses are given to <see cref="Score"/>.</summary>
    IReadOnlyList<AssessmentItem> Items { get; }

    /// <summary>Every score <see cref="Score"/> can report, with its range, bands and meaningful-change rule.</summary>
    IReadOnlyList<ScoreDefinition> ScoreDefinitions { get; }

    /// <summary>Who may show the item wording, and the notice to display with the instrument.</summary>
    InstrumentLicence Licence { get; }

    /// <summary>Scores one completed administration.</summary>
    /// <param name="responses">One value per item, in item order; trailing optional items may be left off.</param>
    /// <returns>Every score, its band where the score has bands, and any flags raised.</returns>
    /// <exception cref="AssessmentValidationException">
    /// The number of responses is wrong, or a value is not one the item allows. Nothing is scored.
    /// </exception>
    AssessmentResult Score(IReadOnlyList<int> responses);

    /// <summary>
    /// Compares a later result with a baseline, score by score, applying the instrument's meaningful-change
    /// rule and knowing for each score whether a higher or a lower value is better.
    /// </summary>
    /// <param name="baseline">The earlier result, usually the one taken at the "what matters" conversation.</param>
    /// <param name="latest">The later result, usually the outcome re-measurement.</param>
    /// <returns>A change for every score that has a meaningful-change rule and appears in both results.</returns>
    /// <exception cref="ArgumentException">Either result was produced by a different instrument.</exception>
    AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest);
}
