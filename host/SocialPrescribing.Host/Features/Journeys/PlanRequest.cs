using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record PlanRequest(IReadOnlyList<string?>? Goals) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.AgreePlan;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new AgreePlan(validation.Items(Goals, "goals")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
