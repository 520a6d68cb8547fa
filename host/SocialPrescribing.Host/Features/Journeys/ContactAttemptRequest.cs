using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record ContactAttemptRequest([property: WireEnum<ContactAttemptOutcome>] string? Outcome, [property: MultilineText] string? Notes = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordContactAttempt;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new RecordContactAttempt(validation.Enum<ContactAttemptOutcome>(Outcome, "outcome"), validation.Optional(Notes, "notes"))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
