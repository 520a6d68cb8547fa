namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Ends a lock-box directive: what it withheld may be disclosed again (unless another directive withholds it).</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.ReleaseWithheldInformation")]
public sealed record ReleaseWithheldInformation(
    [property: Id(0)] Guid DirectiveId) : JourneyCommand
{
    public override string Name => JourneyCommandNames.ReleaseWithheldInformation;
}
