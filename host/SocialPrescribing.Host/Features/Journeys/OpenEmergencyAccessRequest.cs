using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>Break-glass: why the caller must open a journey outside their scope now. It lasts <c>Access:EmergencyAccess:Duration</c>.</summary>
internal sealed record OpenEmergencyAccessRequest(string? Reason) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.OpenEmergencyAccess;

    public static bool ReachesOutsideScope => true;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var reason = validation.Required(Reason, "reason", OpenEmergencyAccess.MaxReasonLength);
        if (reason.Length is > 0 and < OpenEmergencyAccess.MinReasonLength)
        {
            validation.Add("reason", $"Say why, in at least {OpenEmergencyAccess.MinReasonLength} characters: the reason goes to the audit log and the privacy officers.");
        }

        var duration = metadata.Services.GetRequiredService<IOptions<EmergencyAccessOptions>>().Value.Duration;
        return new OpenEmergencyAccess(reason, duration) { CommandId = metadata.CommandId, Actor = metadata.Actor };
    }
}
