using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>An assessment on a journey, exactly as scored when it was recorded.</summary>
public sealed record RecordedAssessment(
    Guid Id,
    string Instrument,
    string InstrumentVersion,
    AssessmentTimepoint Timepoint,
    ImmutableArray<int> Responses,
    ImmutableArray<AssessmentScore> Scores,
    ImmutableArray<string> Flags,
    DateTimeOffset RecordedAt,
    string RecordedBy);
