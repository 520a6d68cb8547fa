using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record AcceptRequest(string? LinkWorkerId) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.AcceptReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new AcceptReferral(validation.Identifier(LinkWorkerId, "linkWorkerId")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
