namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records a failed attempt to reach the person.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordContactAttempt")]
public sealed record RecordContactAttempt(
    [property: Id(0)] ContactAttemptOutcome Outcome,
    [property: Id(1)] string? Notes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordContactAttempt;
}
