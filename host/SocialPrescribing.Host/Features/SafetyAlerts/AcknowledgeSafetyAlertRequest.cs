using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>A supervisor's acknowledgement of a safety alert: which alert, and what was done about it.</summary>
internal sealed record AcknowledgeSafetyAlertRequest(string? AlertId, [property: MultilineText] string? Note) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.AcknowledgeSafetyAlert;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new AcknowledgeSafetyAlert(validation.Id(AlertId, "alertId"), validation.Required(Note, "note", RequestValidation.TextLength))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
}
