using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Domain.Journeys.Commands;

/// <summary>Books a trip with one of the tenant's transport partners.</summary>
[GenerateSerializer, Immutable, Alias("sp.cmd.RequestTransport")]
public sealed record RequestTransport(
    [property: Id(0)] string Partner,
    [property: Id(1)] TripDetails Details,
    [property: Id(2)] string? QuoteReference) : JourneyCommand
{
    public override string Name => JourneyCommandNames.RequestTransport;
}
