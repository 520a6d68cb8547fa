using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>How a slice maps a pathway command: <c>POST …/journeys/{journeyId}/{command}</c>, through the <see cref="JourneyCommandPipeline"/>.</summary>
internal static class JourneyCommandRoutes
{
    /// <summary>Maps <typeparamref name="TRequest"/>'s command, named after it (accept-referral → AcceptReferral) and tagged Journeys.</summary>
    public static RouteHandlerBuilder MapJourneyCommand<TRequest>(this RouteGroupBuilder tenant, string summary, string policy = AccessPolicies.Clinical)
        where TRequest : class, ICommandRequest =>
        tenant.MapPost($"/journeys/{{journeyId:guid}}/{TRequest.CommandName}", (HttpContext http, Guid journeyId, JourneyCommandPipeline commands) =>
                commands.SendAsync<TRequest>(http, _ => journeyId))
            .RequireAuthorization(policy)
            .WithName(string.Concat(TRequest.CommandName.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
            .WithTags("Journeys")
            .WithSummary(summary)
            .Accepts<TRequest>("application/json")
            .Produces<CommandResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
