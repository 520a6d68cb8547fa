using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>Marks a scheduled follow-up done, with what happened.</summary>
internal sealed record CompleteFollowUpRequest(string? FollowUpId, [property: MultilineText] string? Notes = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.CompleteFollowUp;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new CompleteFollowUp(validation.Id(FollowUpId, "followUpId"), validation.Optional(Notes, "notes"))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
