using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record DeclineRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.DeclineReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new DeclineReferral(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
