namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Marks a scheduled follow-up as done.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.CompleteFollowUp")]
public sealed record CompleteFollowUp(
    [property: Id(0)] Guid FollowUpId,
    [property: Id(1)] string? Notes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.CompleteFollowUp;
}
