using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record FollowUpRequest(string? DueOn) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ScheduleFollowUp;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new ScheduleFollowUp(validation.Date(DueOn, "dueOn", RequestValidation.LatestDate(metadata.Today))) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
