using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SocialPrescribing.Application;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// Referrals, journeys and the pathway commands: <c>/api/v1/tenants/{tenant}/referrals</c> and
/// <c>…/journeys/{id}[/{command}]</c>. The commands of trips, assessments and safety alerts are mapped by their
/// slices, through the same <see cref="JourneyCommandPipeline"/>.
/// </summary>
internal static class JourneysFeature
{
    /// <summary>The timeline's events a journey's view carries unless asked for fewer.</summary>
    public const int DefaultTimelineLimit = TimelineWindow.DefaultLimit;

    /// <summary>The most timeline events one answer carries.</summary>
    public const int MaxTimelineLimit = 1000;

    /// <summary>The application core the journey endpoints call (its use cases and caseload queries), and the command pipeline.</summary>
    public static WebApplicationBuilder AddJourneys(this WebApplicationBuilder builder)
    {
        builder.Services.AddApplication();
        builder.Services.AddSingleton<JourneyCommandPipeline>();
        return builder;
    }

    public static RouteGroupBuilder MapJourneys(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/referrals/{journeyId:guid}", GetReferralStatus)
            .RequireAuthorization(AccessPolicies.Referrals)
            .WithName("GetReferralStatus")
            .WithTags("Journeys")
            .WithSummary("What the referrer is told of a referral they sent: that it was received; its status and dates when the person shares status; "
                + "what matters, goals and community programs when they share a summary, less what a lock-box directive withholds.")
            .Produces<ReferralStatusResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tenant.MapPost("/referrals", ReceiveReferral)
            .RequireAuthorization(AccessPolicies.Referrals)
            .RequireRateLimiting(Edge.EdgeFeature.ReferralLimit)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("ReceiveReferral")
            .WithTags("Journeys")
            .WithSummary("Receive a referral, opening a journey in status referred.")
            .Accepts<ReferralRequest>("application/json")
            .Produces<CommandResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        tenant.MapGet("/journeys/{journeyId:guid}", GetJourney)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("GetJourney")
            .WithTags("Journeys")
            .WithSummary("A journey: status, details, allowed commands and the newest timelineLimit events of its timeline (earlierEvents says how many come before; read them from …/timeline?before=earlierEvents+1); with asOf, the journey as it was at that moment.")
            .Produces<JourneyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        tenant.MapGet("/journeys/{journeyId:guid}/timeline", GetTimeline)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("GetJourneyTimeline")
            .WithTags("Journeys")
            .WithSummary("A window of a journey's timeline, oldest first: the limit events before version `before` (the newest without it). earlierEvents says how many come before the window (versions 1 to earlierEvents); page back with before = earlierEvents + 1 until it is 0. Events the person's lock-box withholds from the caller are left out, so a window may hold fewer than limit.")
            .Produces<TimelinePageResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        tenant.MapJourneyCommand<AcceptRequest>("Accept the referral and assign a link worker; starts the first-contact clock.");
        tenant.MapJourneyCommand<ReassignRequest>("Move the journey to another link worker's caseload.");
        tenant.MapJourneyCommand<DeclineRequest>("Record that the person declined (before a plan is agreed).");
        tenant.MapJourneyCommand<ContactAttemptRequest>("Record a failed attempt to reach the person.");
        tenant.MapJourneyCommand<CloseUnableToContactRequest>("Close the journey after the tenant's minimum number of failed attempts since the last contact.");
        tenant.MapJourneyCommand<ContactRequest>("Record a contact; the first one is the first contact.");
        tenant.MapJourneyCommand<WhatMattersRequest>("Record what matters to the person.");
        tenant.MapJourneyCommand<UnmetNeedRequest>("Record a need no program of the directory could meet, for the unmet-needs report (by need and area, for commissioners).");
        tenant.MapJourneyCommand<BarriersRequest>("Record the person's barriers (transport, cost, mobility, language, childcare, digital access) and preferences (interests, languages, times free, how far they travel, where they start from), replacing those recorded before; matches read them.");
        tenant.MapJourneyCommand<PlanRequest>("Record the agreed plan's goals.");
        tenant.MapJourneyCommand<CommunityReferralRequest>("Refer the person to a community program.");
        tenant.MapJourneyCommand<CommunityReferralUpdateRequest>("Move a community referral to another status.");
        tenant.MapJourneyCommand<FollowUpRequest>("Schedule a follow-up contact.");
        tenant.MapJourneyCommand<CompleteFollowUpRequest>("Mark a scheduled follow-up as done, with notes.");
        tenant.MapJourneyCommand<OpenEmergencyAccessRequest>(
            "Break-glass: a link worker opens a journey outside their scope, on a reason, for Access:EmergencyAccess:Duration (default two hours). "
            + "Every access under it is audited with the reason, and the tenant's privacy officers are notified. 409 when the journey is already in the caller's scope.");
        tenant.MapJourneyCommand<DischargeRequest>("Discharge an engaged person; open community referrals are cancelled. Not while a safety alert is open.");
        return tenant;
    }

    private static Task<IResult> ReceiveReferral(HttpContext http, JourneyCommandPipeline commands, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        return commands.SendAsync<ReferralRequest>(
            http,
            key => key is null ? JourneyIds.New(time) : JourneyIds.JourneyFromKey(tenant.Id, key),
            (journeyId, outcome) => Task.FromResult(JourneyCommandPipeline.Respond(journeyId, ReferralRequest.CommandName, outcome, $"/api/v1/tenants/{tenant.Id.Value}/journeys/{journeyId}")));
    }

    private static async Task<IResult> GetReferralStatus(HttpContext http, Guid journeyId, JourneyUseCases journeys) =>
        await journeys.FindReferralAsync(http.GetRequiredCaller(), journeyId) is { } view
            ? TypedResults.Ok(ReferralStatusResponse.From(journeyId, view))
            : Problems.NotFound("No referral with this id in this tenant.");

    private static async Task<IResult> GetJourney(HttpContext http, Guid journeyId, string? asOf,
        [Range(1, MaxTimelineLimit), DefaultValue("100")] string? timelineLimit, JourneyUseCases journeys, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var validation = new RequestValidation();
        var moment = validation.Timestamp(asOf, "asOf");
        var limit = validation.Number(timelineLimit, "timelineLimit", DefaultTimelineLimit, 1, MaxTimelineLimit);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        if (moment > time.GetUtcNow())
        {
            return Problems.Field("asOf", "A moment in the past (or now): the journey's future is not known yet.");
        }

        var view = await journeys.FindAsync(http.GetRequiredCaller(), journeyId, moment, new TimelineWindow(null, limit));
        return view is null
            ? Problems.NotFound(moment is null ? "No journey with this id in this tenant." : "No journey with this id in this tenant at that moment.")
            : TypedResults.Ok(JourneyResponse.From(tenant.Id, journeyId, view));
    }

    private static async Task<IResult> GetTimeline(HttpContext http, Guid journeyId,
        [Range(1, int.MaxValue)] string? before,
        [Range(1, MaxTimelineLimit), DefaultValue("100")] string? limit, JourneyUseCases journeys)
    {
        var validation = new RequestValidation();
        long? end = before is null ? null : validation.Number(before, "before", 1, 1, int.MaxValue);
        var size = validation.Number(limit, "limit", DefaultTimelineLimit, 1, MaxTimelineLimit);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var view = await journeys.FindAsync(http.GetRequiredCaller(), journeyId, null, new TimelineWindow(end, size));
        return view is null
            ? Problems.NotFound("No journey with this id in this tenant.")
            : TypedResults.Ok(new TimelinePageResponse(TimelineEntry.Of(view), view.EventsBefore));
    }
}
