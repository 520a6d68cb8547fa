using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Host.Api.Requests;

internal sealed record PlanRequest(IReadOnlyList<string?>? Goals) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.AgreePlan;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new AgreePlan(validation.Items(Goals, "goals")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
