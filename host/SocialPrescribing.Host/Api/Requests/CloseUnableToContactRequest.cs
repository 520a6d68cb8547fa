using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record CloseUnableToContactRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.CloseUnableToContact;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new CloseUnableToContact(validation.Required(Reason, "reason", RequestValidation.ItemLength)) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
