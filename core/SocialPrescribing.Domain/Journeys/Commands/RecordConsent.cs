using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Records what the person agrees to; it replaces any consent recorded before.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RecordConsent")]
public sealed record RecordConsent(
    [property: Id(0)] ConsentChoices Consent) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RecordConsent;
}
