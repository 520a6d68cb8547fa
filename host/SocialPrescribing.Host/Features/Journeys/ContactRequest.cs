using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ContactRequest([property: WireEnum<ContactMode>] string? Mode, string? Purpose = null, [property: MultilineText] string? Notes = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordContact;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new RecordContact(
            validation.Enum<ContactMode>(Mode, "mode"),
            validation.Optional(Purpose, "purpose", RequestValidation.ItemLength),
            validation.Optional(Notes, "notes"))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
