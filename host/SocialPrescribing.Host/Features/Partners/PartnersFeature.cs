using System.ComponentModel;
using Microsoft.Extensions.Options;
using SocialPrescribing.Application.CommunityDirectory.Partners;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Partners;

/// <summary>
/// The loop with community partners: a provider organization's people or system list the referrals addressed to it,
/// read one with the minimum needed, and answer it; tenant admins say who answers for which organization; link
/// workers read how each provider answers.
/// </summary>
internal static class PartnersFeature
{
    public static RouteGroupBuilder MapPartners(this RouteGroupBuilder tenant)
    {
        var partner = tenant.MapGroup("/partner/referrals").WithTags("Partners").RequireAuthorization(AccessPolicies.Partners);
        partner.MapGet("/", ListAsync)
            .WithName("ListPartnerReferrals")
            .WithSummary("The referrals addressed to the organizations the caller answers for (community partners), newest first: the person's name, the program, the status and the answers the provider may give. Each person listed is an audited access.")
            .Produces<PartnerReferralListResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        partner.MapGet("/{referralId:guid}", FindAsync)
            .WithName("GetPartnerReferral")
            .WithSummary("A referral addressed to the caller's organization, with the minimum needed to take the person on: name, age, language, how to reach them as they allow, the needs they let be known, the link worker's note and who to call back. An audited access.")
            .Produces<PartnerReferralResponse>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        partner.MapPost("/{referralId:guid}/answers", AnswerAsync)
            .WithName("AnswerPartnerReferral")
            .WithSummary("The provider's answer: accepted, declined (with a reason), waitlisted, attended, did-not-attend or completed; an answer the referral's status does not allow is a 409 naming those it does. The link worker sees it on the journey. Idempotency-Key honoured.")
            .Accepts<PartnerAnswerRequest>("application/json")
            .Produces<PartnerReferralResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        tenant.MapGet("/directory/partners", ListMembersAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ListPartnerMembers").WithTags("Partners")
            .WithSummary("Who answers referrals for which provider organizations: community-partner users (by sign-in name) and partner systems (by client id), with who set it and when (tenant admins).")
            .Produces<IReadOnlyList<PartnerMemberResponse>>();
        tenant.MapPut("/directory/partners/{memberId}", SetMemberAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("SetPartnerMember").WithTags("Partners")
            .WithSummary("Sets the organizations of the directory a community-partner user or system answers referrals for; an empty list ends it (tenant admins). The member still needs the community-partner role.")
            .Accepts<PartnerMembershipRequest>("application/json")
            .Produces<PartnerMemberResponse>()
            .ProducesValidationProblem();
        tenant.MapGet("/directory/providers/responsiveness", ResponsivenessAsync)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("ListProviderResponsiveness").WithTags("Partners")
            .WithSummary("How each provider organization answers the referrals addressed to it: referrals, answered, declined, overdue, median hours to the first answer and acceptance rate. No personal data; matches weigh the same figures.")
            .Produces<IReadOnlyList<ProviderResponseResponse>>();
        return tenant;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        PartnerReferralUseCases partners,
        [Description("open (the default: not yet completed, declined, failed or cancelled) or all.")] string? status,
        [Description("Page number from 1.")] string? page,
        [Description("Referrals per page, 1 to 100 (default 25).")] string? per_page)
    {
        var validation = new RequestValidation();
        var number = validation.Number(page, "page", 1, 1, 100_000);
        var size = validation.Number(per_page, "per_page", 25, 1, PartnerReferralUseCases.MaxPerPage);
        if (status is not (null or "open" or "all"))
        {
            validation.Add("status", "open or all.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var found = await partners.ListAsync(http.GetRequiredCaller(), status != "all", number, size, http.RequestAborted);
        return TypedResults.Ok(new PartnerReferralListResponse([.. found.Items.Select(PartnerReferralItemResponse.From)], found.Total, number, size));
    }

    private static async Task<IResult> FindAsync(HttpContext http, Guid referralId, PartnerReferralUseCases partners) =>
        await partners.FindAsync(http.GetRequiredCaller(), referralId, http.RequestAborted) is { } view
            ? TypedResults.Ok(PartnerReferralResponse.From(view))
            : UnknownReferral();

    private static async Task<IResult> AnswerAsync(
        HttpContext http, Guid referralId, PartnerReferralUseCases partners, IOptions<ApiOptions> options, TimeProvider time)
    {
        var (body, problem) = await JsonBody.ReadAsync<PartnerAnswerRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var (key, keyProblem) = RequestHeaders.ReadIdempotencyKey(http.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var validation = new RequestValidation();
        var answer = validation.Enum<PartnerAnswer>(body!.Answer, "answer");
        DeclineReason? reason = body.Reason is null ? null : validation.Enum<DeclineReason>(body.Reason, "reason");
        var note = validation.Optional(body.Note, "note", AnswerCommunityReferral.MaxNoteLength);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var tenant = TenantEndpointFilter.GetTenant(http);
        var answered = await partners.AnswerAsync(
            http.GetRequiredCaller(),
            referralId,
            journeyId => key is null ? JourneyIds.New(time) : JourneyIds.CommandFromKey(tenant.Id, journeyId, JourneyCommandNames.AnswerCommunityReferral, key),
            answer,
            reason,
            note,
            http.RequestAborted);
        if (answered is null)
        {
            return UnknownReferral();
        }

        if (answered.Outcome.Rejection is { } rejection)
        {
            return rejection.Kind switch
            {
                RejectionKind.Invalid => Problems.Field(rejection.Field ?? "$", rejection.Detail),
                RejectionKind.KeyReused => Problems.KeyReused(rejection.Detail),
                _ => Problems.Conflict(answered.Outcome.Status, rejection),
            };
        }

        if (answered.Outcome.Kind == CommandOutcomeKind.Replayed)
        {
            http.Response.Headers[RequestHeaders.Replayed] = "true";
        }

        return answered.Referral is { } view ? TypedResults.Ok(PartnerReferralResponse.From(view)) : UnknownReferral();
    }

    private static async Task<IResult> ListMembersAsync(HttpContext http, PartnerMembers members) =>
        TypedResults.Ok((await members.ListAsync(http.GetRequiredCaller(), http.RequestAborted)).Select(PartnerMemberResponse.From).ToList());

    private static async Task<IResult> SetMemberAsync(HttpContext http, string memberId, PartnerMembers members, IOptions<ApiOptions> options)
    {
        var (body, problem) = await JsonBody.ReadAsync<PartnerMembershipRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.OrganizationIds is null)
        {
            return Problems.Field("organizationIds", "Required: the organizations' ids (an empty list ends the membership).");
        }

        try
        {
            return TypedResults.Ok(PartnerMemberResponse.From(await members.SetAsync(http.GetRequiredCaller(), memberId, body.OrganizationIds, http.RequestAborted)));
        }
        catch (PartnerMemberException ex)
        {
            return Problems.Field(ex.Field, ex.Message);
        }
    }

    private static async Task<IResult> ResponsivenessAsync(HttpContext http, ProviderResponsiveness providers) =>
        TypedResults.Ok((await providers.ComputeAsync(http.GetRequiredCaller().Tenant, http.RequestAborted)).Values
            .OrderBy(p => p.OrganizationId)
            .Select(ProviderResponseResponse.From)
            .ToList());

    private static IResult UnknownReferral() => Problems.NotFound("No referral with this id is addressed to your organization.");
}
