using Microsoft.Extensions.Options;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Features.SafetyAlerts;
using SocialPrescribing.Host.Features.Transport;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>Referrals, journeys and the pathway commands: <c>/api/v1/tenants/{tenant}/…</c>.</summary>
internal static class JourneyEndpoints
{
    public static RouteGroupBuilder MapJourneyEndpoints(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/referrals", ReceiveReferral)
            .WithName("ReceiveReferral")
            .WithSummary("Receive a referral, opening a journey in status referred.")
            .Accepts<ReferralRequest>("application/json")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var journeys = tenant.MapGroup("/journeys").WithTags("Journeys");
        journeys.MapGet("/{journeyId:guid}", GetJourney)
            .WithName("GetJourney")
            .WithSummary("A journey: status, details, allowed commands and its timeline of events; with asOf, the journey as it was at that moment.")
            .Produces<JourneyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapCommand<AcceptRequest>(journeys, "Accept the referral and assign a link worker; starts the first-contact clock.");
        MapCommand<ReassignRequest>(journeys, "Move the journey to another link worker's caseload.");
        MapCommand<DeclineRequest>(journeys, "Record that the person declined (before a plan is agreed).");
        MapCommand<ContactAttemptRequest>(journeys, "Record a failed attempt to reach the person.");
        MapCommand<CloseUnableToContactRequest>(journeys, "Close the journey after the tenant's minimum number of failed attempts since the last contact.");
        MapCommand<ContactRequest>(journeys, "Record a contact; the first one is the first contact.");
        MapCommand<WhatMattersRequest>(journeys, "Record what matters to the person.");
        MapCommand<PlanRequest>(journeys, "Record the agreed plan's goals.");
        MapCommand<CommunityReferralRequest>(journeys, "Refer the person to a community program.");
        MapCommand<CommunityReferralUpdateRequest>(journeys, "Move a community referral to another status.");
        MapCommand<FollowUpRequest>(journeys, "Schedule a follow-up contact.");
        MapCommand<CompleteFollowUpRequest>(journeys, "Mark a scheduled follow-up as done, with notes.");
        MapCommand<CancelTripRequest>(journeys, "Cancel a requested or confirmed trip; a booking the partner holds is cancelled there too.");
        MapCommand<AcknowledgeSafetyAlertRequest>(journeys, "A supervisor acknowledges an open safety alert with a note (supervisors only; 403 otherwise).");
        MapCommand<DischargeRequest>(journeys, "Discharge an engaged person; open community referrals are cancelled. Not while a safety alert is open.");
        return tenant;
    }

    private static void MapCommand<TRequest>(RouteGroupBuilder journeys, string summary)
        where TRequest : class, ICommandRequest =>
        journeys.MapPost($"/{{journeyId:guid}}/{TRequest.CommandName}", (HttpContext http, Guid journeyId, JourneyUseCases useCases, TimeProvider time, IOptions<ApiOptions> options) =>
                SendAsync<TRequest>(http, useCases, time, options.Value, _ => journeyId))
            .WithName(string.Concat(TRequest.CommandName.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
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

    private static Task<IResult> ReceiveReferral(HttpContext http, JourneyUseCases journeys, TimeProvider time, IOptions<ApiOptions> options)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        return SendAsync<ReferralRequest>(
            http,
            journeys,
            time,
            options.Value,
            key => key is null ? JourneyIds.New(time) : JourneyIds.JourneyFromKey(tenant.Id, key),
            (journeyId, outcome) => Task.FromResult(Respond(journeyId, ReferralRequest.CommandName, outcome, $"/api/v1/tenants/{tenant.Id.Value}/journeys/{journeyId}")));
    }

    /// <summary>The journey's state, or null when it does not exist: what the journey's sub-resources read.</summary>
    internal static Task<JourneyState?> StateAsync(HttpContext http, Guid journeyId, JourneyUseCases journeys) =>
        journeys.FindStateAsync(TenantEndpointFilter.GetTenant(http).Id, journeyId);

    private static async Task<IResult> GetJourney(HttpContext http, Guid journeyId, string? asOf, JourneyUseCases journeys, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        DateTimeOffset? moment = null;
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed) || !asOf.Contains('T', StringComparison.Ordinal))
            {
                return Problems.Field("asOf", "A timestamp with its offset, such as 2026-03-01T12:00:00Z.");
            }

            if (parsed > time.GetUtcNow())
            {
                return Problems.Field("asOf", "A moment in the past (or now): the journey's future is not known yet.");
            }

            moment = parsed;
        }

        var view = await journeys.FindAsync(tenant.Id, journeyId, moment);
        return view is null
            ? Problems.NotFound(moment is null ? "No journey with this id in this tenant." : "No journey with this id in this tenant at that moment.")
            : TypedResults.Ok(JourneyResponse.From(tenant.Id, journeyId, view));
    }

    /// <summary>
    /// The one pipeline every command takes: body, headers, validation, then the grain. Any problem
    /// before the grain is answered without touching the journey. <paramref name="journeyIdFor"/> gives the
    /// journey addressed from the Idempotency-Key (null when absent); <paramref name="respond"/> answers a
    /// command that was applied or replayed (default: a <see cref="CommandResponse"/> with 200).
    /// </summary>
    public static async Task<IResult> SendAsync<TRequest>(
        HttpContext http, JourneyUseCases journeys, TimeProvider time, ApiOptions options, Func<string?, Guid> journeyIdFor, Func<Guid, CommandOutcome, Task<IResult>>? respond = null)
        where TRequest : class, ICommandRequest
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var (body, problem) = await JsonBody.ReadAsync<TRequest>(http, options.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (key, keyProblem) = RequestHeaders.ReadIdempotencyKey(http.Request);
        var (actor, actorProblem) = RequestHeaders.ReadActor(http.Request);
        if ((keyProblem ?? actorProblem) is { } headerProblem)
        {
            return headerProblem;
        }

        var journeyId = journeyIdFor(key);
        var commandId = key is null ? JourneyIds.New(time) : JourneyIds.CommandFromKey(tenant.Id, journeyId, TRequest.CommandName, key);
        var validation = new RequestValidation();
        var command = await body!.ToCommandAsync(validation, new CommandMetadata(commandId, actor, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant), tenant, http.RequestServices), http.RequestAborted);
        if (!validation.IsValid || command is null)
        {
            return Problems.Validation(validation.Errors);
        }

        if (key is not null)
        {
            command = command with { Fingerprint = JsonBody.Fingerprint(body) };
        }

        var outcome = await journeys.SendAsync(tenant.Id, journeyId, command);
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

    private static IResult Respond(Guid journeyId, string command, CommandOutcome outcome, string? created)
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
