using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ReassignRequest(string? LinkWorkerId) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ReassignLinkWorker;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new ReassignLinkWorker(validation.Identifier(LinkWorkerId, "linkWorkerId")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
