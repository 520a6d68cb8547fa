using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record CommunityReferralRequest(ProgramRequest? Program, [property: MultilineText] string? Notes = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.MakeCommunityReferral;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var notes = validation.Optional(Notes, "notes");
        if (validation.RequiredObject(Program, "program") is not { } program)
        {
            return null;
        }

        return new MakeCommunityReferral(
            new CommunityProgram(
                validation.Required(program.Name, "program.name", 200),
                validation.Optional(program.ServiceId, "program.serviceId", 200),
                validation.Optional(program.Organization, "program.organization", 200)),
            notes)
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }
}
