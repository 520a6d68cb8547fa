using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Documents;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
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
            .WithSummary("Render a journey's document (referral-acknowledgement, plan-summary) as HTML; lang defaults to the client's preferred language.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> RenderAsync(
        HttpContext http,
        Guid journeyId,
        string template,
        string? lang,
        JourneyUseCases journeys,
        DocumentTemplateCatalog catalog,
        DocumentRenderer renderer,
        IRoleHolders people,
        TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        if (lang is not null && !DocumentLanguages.IsSupported(lang))
        {
            return Problems.Field("lang", $"One of: {string.Join(", ", DocumentLanguages.All)}.");
        }

        if (!catalog.IsKnown(template))
        {
            return Problems.NotFound($"No document template '{template}'; known: {string.Join(", ", catalog.Templates)}.");
        }

        if (await journeys.FindDisclosedAsync(http.GetRequiredCaller(), journeyId, RecordAccess.Document) is not { } disclosed)
        {
            return Problems.UnknownJourney();
        }

        if (disclosed.IsWithheld(RecordPart.Documents))
        {
            return Problems.Withheld();
        }

        var state = disclosed.State;
        var language = lang ?? WireNames.Of(state.Client!.PreferredLanguage);
        // Documents name the link worker as their account does; an internal id means nothing to the person.
        var linkWorkerName = state.LinkWorkerId is { } worker ? await people.DisplayNameOfAsync(tenant.Id, worker, http.RequestAborted) : null;
        var model = DocumentModelBuilder.Build(tenant, journeyId, state, language, time.GetUtcNow(), disclosed.AnyWithheld, linkWorkerName);
        return TypedResults.Content(renderer.Render(template, language, model), "text/html; charset=utf-8");
    }
}
