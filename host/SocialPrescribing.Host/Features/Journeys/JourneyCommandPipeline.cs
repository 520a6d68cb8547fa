using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// The one pipeline every journey command takes, whichever slice maps its route: body, headers, validation, then
/// the journey. Any problem before the journey is answered without touching it.
/// </summary>
internal sealed class JourneyCommandPipeline(JourneyUseCases journeys, TimeProvider time, IOptions<ApiOptions> options)
{
    /// <summary>
    /// Sends the command in the request's body. <paramref name="journeyIdFor"/> gives the journey addressed from
    /// the Idempotency-Key (null when absent); <paramref name="respond"/> answers a command that was applied or
    /// replayed (default: a <see cref="CommandResponse"/> with 200).
    /// </summary>
    public async Task<IResult> SendAsync<TRequest>(HttpContext http, Func<string?, Guid> journeyIdFor, Func<Guid, CommandOutcome, Task<IResult>>? respond = null)
        where TRequest : class, ICommandRequest
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (!TRequest.ReachesOutsideScope && http.GetRouteValue("journeyId") is string routed && Guid.TryParse(routed, out var addressed))
        {
            // Out of scope is refused before the body is read, so the answer says nothing about the request.
            await journeys.DemandScopeAsync(http.GetRequiredCaller(), addressed, RecordAccess.Command(TRequest.CommandName));
        }

        var (body, problem) = await JsonBody.ReadAsync<TRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (key, keyProblem) = RequestHeaders.ReadIdempotencyKey(http.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var actor = http.GetActor();

        var journeyId = journeyIdFor(key);
        var commandId = key is null ? JourneyIds.New(time) : JourneyIds.CommandFromKey(tenant.Id, journeyId, TRequest.CommandName, key);
        var validation = new RequestValidation();
        var metadata = new CommandMetadata(commandId, actor, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant), tenant, http.RequestServices)
        {
            Caller = http.GetRequiredCaller(),
        };
        var command = await body!.ToCommandAsync(validation, metadata, http.RequestAborted);
        if (!validation.IsValid || command is null)
        {
            return Problems.Validation(validation.Errors);
        }

        if (key is not null)
        {
            command = command with { Fingerprint = JsonBody.Fingerprint(body) };
        }

        var outcome = await journeys.SendAsync(http.GetRequiredCaller(), journeyId, command);
        if (outcome.Rejection is { } rejection)
        {
            return rejection.Kind switch
            {
                RejectionKind.NotFound => Problems.UnknownJourney(),
                RejectionKind.Invalid => Problems.Field(rejection.Field ?? "$", rejection.Detail),
                RejectionKind.Forbidden => Problems.Forbidden(rejection.Detail),
                RejectionKind.KeyReused => Problems.KeyReused(rejection.Detail),
                _ => Problems.Conflict(outcome.Status, rejection),
            };
        }

        if (outcome.Kind == CommandOutcomeKind.Replayed)
        {
            http.Response.Headers[RequestHeaders.Replayed] = "true";
        }

        return respond is null ? Respond(journeyId, TRequest.CommandName, outcome, null) : await respond(journeyId, outcome);
    }

    /// <summary>The answer to an applied or replayed command: its status, version, events and what may follow; 201 with <paramref name="created"/> as its location when given.</summary>
    public static IResult Respond(Guid journeyId, string command, CommandOutcome outcome, string? created)
    {
        var replayed = outcome.Kind == CommandOutcomeKind.Replayed;
        var response = new CommandResponse(
            journeyId,
            command,
            WireNames.Of(outcome.Status),
            outcome.Version,
            replayed,
            TimelineEntry.Of(outcome.Events, outcome.Version),
            outcome.AllowedCommands);
        return created is null ? TypedResults.Ok(response) : TypedResults.Created(created, response);
    }
}
