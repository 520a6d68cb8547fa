using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record DischargeRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.Discharge;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new Discharge(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
