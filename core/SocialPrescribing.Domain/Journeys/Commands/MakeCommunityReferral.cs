namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Refers the person to a community program.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.MakeCommunityReferral")]
public sealed record MakeCommunityReferral(
    [property: Id(0)] CommunityProgram Program,
    [property: Id(1)] string? Notes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.MakeCommunityReferral;
}
