using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.CommunityDirectory;
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
            .WithSummary("Render a journey's document as HTML: referral-acknowledgement and referrer-discharge (letters to the referrer, naming the person by full name and birth date), plan-summary and social-prescription (for the person: each program with what, where, when, cost and whom to contact from the directory, and the trips booked); lang defaults to the client's preferred language.")
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
        DirectoryUseCases directory,
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
        // The directory's records of the programs the person was referred to: what, where, when, cost, whom to contact.
        var caller = http.GetRequiredCaller();
        var programs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in state.CommunityReferrals.Select(r => r.Program.ServiceId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Guid.TryParse(id, out var serviceId) && await directory.FindServiceAsync(caller, serviceId, http.RequestAborted) is { } service)
            {
                programs[id] = service.Document;
            }
        }

        var model = DocumentModelBuilder.Build(tenant, journeyId, state, language, time.GetUtcNow(), disclosed.AnyWithheld, linkWorkerName, programs);
        return TypedResults.Content(renderer.Render(template, language, model), "text/html; charset=utf-8");
    }
}
