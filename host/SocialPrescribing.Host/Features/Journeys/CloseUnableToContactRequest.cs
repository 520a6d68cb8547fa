using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CloseUnableToContactRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.CloseUnableToContact;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new CloseUnableToContact(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
