using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Withdraws one or more consents; the withdrawal takes effect at once.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.WithdrawConsent")]
public sealed record WithdrawConsent(
    [property: Id(0)] ImmutableArray<ConsentScope> Scopes) : JourneyCommand
{
    public override string Name => JourneyCommandNames.WithdrawConsent;
}
