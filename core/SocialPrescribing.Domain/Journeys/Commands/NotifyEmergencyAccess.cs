using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Raised by the notification job once privacy officers have been told of an emergency access. Not offered over the API.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.NotifyEmergencyAccess")]
public sealed record NotifyEmergencyAccess(
    [property: Id(0)] Guid GrantId,
    [property: Id(1)] ImmutableArray<string> Recipients,
    [property: Id(2)] ImmutableArray<string> Channels) : JourneyCommand
{
    public override string Name => JourneyCommandNames.NotifyEmergencyAccess;
}
