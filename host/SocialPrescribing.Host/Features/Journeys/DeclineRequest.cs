using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record DeclineRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.DeclineReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new DeclineReferral(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
