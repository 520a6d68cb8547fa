using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>An assessment on a journey, exactly as scored when it was recorded.</summary>
[GenerateSerializer, Immutable, Alias("sp.RecordedAssessment")]
public sealed record RecordedAssessment(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string InstrumentVersion,
    [property: Id(3)] AssessmentTimepoint Timepoint,
    [property: Id(4)] ImmutableArray<int> Responses,
    [property: Id(5)] ImmutableArray<AssessmentScore> Scores,
    [property: Id(6)] ImmutableArray<string> Flags,
    [property: Id(7)] DateTimeOffset RecordedAt,
    [property: Id(8)] string RecordedBy)
{
    /// <summary>The assessment an <see cref="Events.AssessmentRecorded"/> event records.</summary>
    public static RecordedAssessment From(Events.AssessmentRecorded recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new(
            recorded.AssessmentId, recorded.Instrument, recorded.InstrumentVersion, recorded.Timepoint, recorded.Responses, recorded.Scores,
            recorded.Flags, recorded.OccurredAt, recorded.Actor);
    }
}
