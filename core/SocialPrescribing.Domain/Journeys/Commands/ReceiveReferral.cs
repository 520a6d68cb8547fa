using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Opens a journey from a referral.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.ReceiveReferral")]
public sealed record ReceiveReferral(
    [property: Id(0)] ClientDetails Client,
    [property: Id(1)] ReferrerDetails Referrer,
    [property: Id(2)] ReferralSource Source,
    [property: Id(3)] ImmutableArray<string> Reasons,
    [property: Id(4)] string? Notes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.ReceiveReferral;
}
