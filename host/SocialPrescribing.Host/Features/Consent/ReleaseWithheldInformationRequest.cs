using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Consent;

/// <summary>The lock-box directive to end, by the id it was given when the information was withheld.</summary>
internal sealed record ReleaseWithheldInformationRequest(string? DirectiveId) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.ReleaseWithheldInformation;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new ReleaseWithheldInformation(validation.Id(DirectiveId, "directiveId")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
