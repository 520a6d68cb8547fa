using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record CommunityReferralRequest(ProgramRequest? Program, string? Notes) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.MakeCommunityReferral;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata)
    {
        var program = validation.RequiredObject(Program, "program");
        return new MakeCommunityReferral(
            program is null ? null! : new CommunityProgram(
                validation.Required(program.Name, "program.name", 200),
                validation.Optional(program.ServiceId, "program.serviceId", 200),
                validation.Optional(program.Organization, "program.organization", 200)),
            validation.Optional(Notes, "notes"))
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }
}
