using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record FollowUpRequest(string? DueOn) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ScheduleFollowUp;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var dueOn = validation.Date(DueOn, "dueOn", RequestValidation.LatestDate(metadata.Today));
        // The journey refuses it too; said here, a form that sends a contact with its follow-up changes nothing.
        if (dueOn != default && dueOn < metadata.Today)
        {
            validation.Add("dueOn", $"A follow-up cannot be due in the past (today is {metadata.Today:yyyy-MM-dd} for this program).");
        }

        return new ScheduleFollowUp(dueOn) { CommandId = metadata.CommandId, Actor = metadata.Actor };
    }
}
