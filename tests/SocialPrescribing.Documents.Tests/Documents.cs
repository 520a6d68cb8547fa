using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents.Tests;

/// <summary>Builds the catalog and renderer the way the container would.</summary>
internal static class Documents
{
    public static DocumentTemplateCatalog Catalog(string directory) =>
        Catalog(new DocumentOptions { TemplateDirectory = directory });

    public static DocumentTemplateCatalog Catalog(DocumentOptions options) =>
        new(Options.Create(options), NullLogger<DocumentTemplateCatalog>.Instance);

    public static DocumentRenderer Renderer(string directory) =>
        Renderer(new DocumentOptions { TemplateDirectory = directory });

    public static DocumentRenderer Renderer(DocumentOptions options) =>
        new(Catalog(options), Options.Create(options), NullLogger<DocumentRenderer>.Instance);

    /// <summary>
    /// Renders a sample journey with the templates the build copied next to the test binaries, the
    /// folder <see cref="DocumentOptions"/> points at by default.
    /// </summary>
    /// <summary>Renders as the host does, the link worker named as their account would name them (the sample's by a name, any other by their id).</summary>
    public static string Render(string template, string lang, Domain.Journeys.JourneyState state) =>
        Renderer(new DocumentOptions()).Render(
            template,
            lang,
            DocumentModelBuilder.Build(
                SampleJourneys.Tenant,
                SampleJourneys.JourneyId,
                state,
                lang,
                SampleJourneys.Now,
                linkWorkerName: state.LinkWorkerId is "lw-jordan" ? "Jordan Okafor" : state.LinkWorkerId,
                directory: SampleJourneys.Directory));
}
