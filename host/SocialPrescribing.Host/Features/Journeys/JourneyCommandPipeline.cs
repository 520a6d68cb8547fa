using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
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
        var caller = http.GetRequiredCaller();
        Guid? addressed = !TRequest.ReachesOutsideScope && http.GetRouteValue("journeyId") is string routed && Guid.TryParse(routed, out var id) ? id : null;

        // Out of scope is refused whatever the request holds, so the answer says nothing about it: before any problem
        // with the request is answered, and otherwise by the journey itself in the call that acts (one call, not two).
        async Task<IResult> UnlessOutOfScope(IResult problem)
        {
            if (addressed is { } journey)
            {
                await journeys.DemandScopeAsync(caller, journey, RecordAccess.Command(TRequest.CommandName));
            }

            return problem;
        }

        var (body, problem) = await JsonBody.ReadAsync<TRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return await UnlessOutOfScope(problem);
        }

        var (key, keyProblem) = RequestHeaders.ReadIdempotencyKey(http.Request);
        if (keyProblem is not null)
        {
            return await UnlessOutOfScope(keyProblem);
        }

        var journeyId = journeyIdFor(key);
        var (outcome, errors) = await RunAsync(caller, tenant, journeyId, body!, key, http.RequestServices, http.RequestAborted);
        if (errors is not null)
        {
            return await UnlessOutOfScope(Problems.Validation(errors));
        }

        if (outcome!.Rejection is { } rejection)
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

    /// <summary>
    /// A request body become a command (with the API's validation) and sent to the journey as <paramref name="caller"/>:
    /// the validation errors by field when the body is not a command, else the journey's outcome (which may be a
    /// rejection). A <paramref name="key"/> makes a repeat of the same request a replay, not a second change. Every
    /// door that sends journey commands from a request (the API, the console's forms) comes through here.
    /// </summary>
    public async Task<(CommandOutcome? Outcome, IDictionary<string, string[]>? Errors)> RunAsync<TRequest>(
        Caller caller, TenantSettings tenant, Guid journeyId, TRequest body, string? key, IServiceProvider services, CancellationToken cancellationToken)
        where TRequest : class, ICommandRequest
    {
        var (commands, errors) = await ToCommandsAsync(caller, tenant, journeyId, key, services, cancellationToken, (TRequest.CommandName, body));
        if (errors is not null)
        {
            return (null, errors);
        }

        return (await journeys.SendAsync(caller, journeyId, commands[0]), null);
    }

    /// <summary>
    /// Request bodies become commands, all checked before any is sent (so a form that takes two steps at once changes
    /// nothing when either is wrong): the commands, or the validation errors of all of them by field.
    /// </summary>
    public async Task<(IReadOnlyList<JourneyCommand> Commands, IDictionary<string, string[]>? Errors)> ToCommandsAsync(
        Caller caller, TenantSettings tenant, Guid journeyId, string? key, IServiceProvider services, CancellationToken cancellationToken, params (string Name, ICommandBody Body)[] bodies)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(bodies);
        var validation = new RequestValidation();
        var commands = new List<JourneyCommand>();
        foreach (var (name, body) in bodies)
        {
            var commandId = key is null ? JourneyIds.New(time) : JourneyIds.CommandFromKey(tenant.Id, journeyId, name, key);
            var metadata = new CommandMetadata(commandId, caller.Id, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant), tenant, services) { Caller = caller };
            var command = await body.ToCommandAsync(validation, metadata, cancellationToken);
            if (command is not null)
            {
                commands.Add(key is null ? command : command with { Fingerprint = JsonBody.Fingerprint((object)body) });
            }
        }

        return validation.IsValid && commands.Count == bodies.Length ? (commands, null) : ([], validation.Errors);
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
