using SocialPrescribing.Abstractions.Assessments;

namespace SocialPrescribing.Assessments;

/// <summary>
/// What every built-in instrument shares: its description, the SDK's response checks before scoring, and the
/// meaningful-change comparison from its score definitions. A subclass supplies only how responses become scores.
/// </summary>
public abstract class ScoredInstrument : IAssessmentInstrument
{
    private protected ScoredInstrument(
        string id, string version, string title, IReadOnlyList<AssessmentItem> items, IReadOnlyList<ScoreDefinition> definitions, InstrumentLicence licence)
    {
        Id = id;
        Version = version;
        Title = title;
        Items = items;
        ScoreDefinitions = definitions;
        Licence = licence;
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public string Version { get; }

    /// <inheritdoc />
    public string Title { get; }

    /// <inheritdoc />
    public IReadOnlyList<AssessmentItem> Items { get; }

    /// <inheritdoc />
    public IReadOnlyList<ScoreDefinition> ScoreDefinitions { get; }

    /// <inheritdoc />
    public InstrumentLicence Licence { get; }

    /// <inheritdoc />
    public AssessmentResult Score(IReadOnlyList<int> responses)
    {
        AssessmentValidationException.ThrowIfInvalid(Items, responses);
        return Compute(responses);
    }

    /// <inheritdoc />
    public AssessmentComparison CompareChange(AssessmentResult baseline, AssessmentResult latest) =>
        InstrumentScoring.Compare(this, baseline, latest);

    /// <summary>Scores responses already checked against <see cref="Items"/>.</summary>
    private protected abstract AssessmentResult Compute(IReadOnlyList<int> responses);
}
