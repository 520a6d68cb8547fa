using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record AcceptRequest(string? LinkWorkerId) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.AcceptReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new AcceptReferral(validation.Identifier(LinkWorkerId, "linkWorkerId")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
