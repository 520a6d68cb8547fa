using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record ReassignRequest(string? LinkWorkerId) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ReassignLinkWorker;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new ReassignLinkWorker(validation.Identifier(LinkWorkerId, "linkWorkerId")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
