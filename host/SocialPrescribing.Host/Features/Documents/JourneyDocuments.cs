using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Documents;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Features.Documents;

/// <summary>Why a document was not rendered.</summary>
internal enum DocumentRefusal
{
    UnknownTemplate,
    UnknownJourney,
    Withheld,
}

/// <summary>
/// A journey's document as HTML, for whichever door asks (the API, the console): read through the application core
/// as the caller (an audited document access), the person's lock-box honoured, the link worker named as their account
/// does, and the programs described from the directory.
/// </summary>
internal sealed class JourneyDocuments(
    JourneyUseCases journeys, DocumentTemplateCatalog catalog, DocumentRenderer renderer, IRoleHolders people, DirectoryUseCases directory, TimeProvider time)
{
    public IReadOnlyCollection<string> Templates => catalog.Templates;

    public bool IsKnown(string template) => catalog.IsKnown(template);

    /// <summary>The document in <paramref name="lang"/> (default: the person's language), or why not.</summary>
    public async Task<(string? Html, DocumentRefusal? Refusal)> RenderAsync(
        Caller caller, TenantSettings tenant, Guid journeyId, string template, string? lang, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!catalog.IsKnown(template))
        {
            return (null, DocumentRefusal.UnknownTemplate);
        }

        if (await journeys.FindDisclosedAsync(caller, journeyId, RecordAccess.Document) is not { } disclosed)
        {
            return (null, DocumentRefusal.UnknownJourney);
        }

        if (disclosed.IsWithheld(RecordPart.Documents))
        {
            return (null, DocumentRefusal.Withheld);
        }

        var state = disclosed.State;
        var language = lang ?? WireNames.Of(state.Client!.PreferredLanguage);
        // Documents name the link worker as their account does; an internal id means nothing to the person.
        var linkWorkerName = state.LinkWorkerId is { } worker ? await people.DisplayNameOfAsync(tenant.Id, worker, cancellationToken) : null;
        // The directory's records of the programs the person was referred to: what, where, when, cost, whom to contact.
        var programs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in state.CommunityReferrals.Select(r => r.Program.ServiceId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (Guid.TryParse(id, out var serviceId) && await directory.FindServiceAsync(caller, serviceId, cancellationToken) is { } service)
            {
                programs[id] = service.Document;
            }
        }

        var model = DocumentModelBuilder.Build(tenant, journeyId, state, language, time.GetUtcNow(), disclosed.AnyWithheld, linkWorkerName, programs);
        return (renderer.Render(template, language, model), null);
    }
}
