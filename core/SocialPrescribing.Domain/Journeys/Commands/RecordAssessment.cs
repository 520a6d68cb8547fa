using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>
/// Records an administered assessment with the result its instrument computed. Scoring happens before the
/// command (the instrument may come from a plugin); the journey decides whether it may be recorded and which
/// safety alerts its flags raise.
/// </summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordAssessment")]
public sealed record RecordAssessment(
    [property: Id(0)] AssessmentTimepoint Timepoint,
    [property: Id(1)] string Instrument,
    [property: Id(2)] string InstrumentVersion,
    [property: Id(3)] ImmutableArray<int> Responses,
    [property: Id(4)] ImmutableArray<AssessmentScore> Scores,
    [property: Id(5)] ImmutableArray<string> Flags) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordAssessment;
}
