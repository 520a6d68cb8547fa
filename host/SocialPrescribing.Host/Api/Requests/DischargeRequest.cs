using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record DischargeRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.Discharge;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new Discharge(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
