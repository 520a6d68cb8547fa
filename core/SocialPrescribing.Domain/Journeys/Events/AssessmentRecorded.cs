using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Events;

/// <summary>
/// A wellbeing measure was administered. The responses and the scores, bands and flags are kept as computed at
/// the time, so a later change to an instrument's scoring never rewrites what a link worker saw.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.AssessmentRecorded")]
public sealed record AssessmentRecorded(
    [property: Id(0)] Guid AssessmentId,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string InstrumentVersion,
    [property: Id(3)] AssessmentTimepoint Timepoint,
    [property: Id(4)] ImmutableArray<int> Responses,
    [property: Id(5)] ImmutableArray<AssessmentScore> Scores,
    [property: Id(6)] ImmutableArray<string> Flags) : JourneyEvent;
