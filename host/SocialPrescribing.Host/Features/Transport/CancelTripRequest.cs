using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Transport;

/// <summary>Cancels a trip: which one, and why.</summary>
internal sealed record CancelTripRequest(string? TripId, string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.CancelTransport;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new CancelTransport(validation.Id(TripId, "tripId"), validation.Required(Reason, "reason", RequestValidation.ItemLength))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
