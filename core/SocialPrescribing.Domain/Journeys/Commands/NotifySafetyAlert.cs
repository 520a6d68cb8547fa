using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Raised by the notification job once supervisors have been sent an alert. Not offered over the API.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.NotifySafetyAlert")]
public sealed record NotifySafetyAlert(
    [property: Id(0)] Guid AlertId,
    [property: Id(1)] ImmutableArray<string> Recipients,
    [property: Id(2)] ImmutableArray<string> Channels) : JourneyCommand
{
    public override string Name => JourneyCommandNames.NotifySafetyAlert;
}
