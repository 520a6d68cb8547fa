using SocialPrescribing.Documents;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Documents;

/// <summary><c>GET /api/v1/tenants/{tenant}/journeys/{id}/documents/{template}?lang=en|fr</c>: a journey's documents as HTML.</summary>
internal static class DocumentsFeature
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/journeys/{journeyId:guid}/documents/{template}", RenderAsync)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("RenderDocument")
            .WithTags("Documents")
            .WithSummary("Render a journey's document as HTML: referral-acknowledgement and referrer-discharge (letters to the referrer, naming the person by full name and birth date), plan-summary and social-prescription (for the person: each program with what, where, when, cost and whom to contact from the directory, and the trips booked); lang defaults to the client's preferred language.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Guid journeyId, string template, string? lang, JourneyDocuments documents)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (lang is not null && !DocumentLanguages.IsSupported(lang))
        {
            return Problems.Field("lang", $"One of: {string.Join(", ", DocumentLanguages.All)}.");
        }

        var (html, refusal) = await documents.RenderAsync(http.GetRequiredCaller(), tenant, journeyId, template, lang, http.RequestAborted);
        return refusal switch
        {
            DocumentRefusal.UnknownTemplate => Problems.NotFound($"No document template '{template}'; known: {string.Join(", ", documents.Templates)}."),
            DocumentRefusal.UnknownJourney => Problems.UnknownJourney(),
            DocumentRefusal.Withheld => Problems.Withheld(),
            _ => TypedResults.Content(html!, "text/html; charset=utf-8"),
        };
    }
}
