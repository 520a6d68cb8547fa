using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents.Tests;

public sealed class AddDocumentsTests : IDisposable
{
    private readonly TemporaryTemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_documents_section_is_bound_and_the_renderer_resolves()
    {
        using var services = Services(new()
        {
            ["Documents:TemplateDirectory"] = RepositoryRoot.TemplateDirectory,
            ["Documents:LoopLimit"] = "250",
        });

        var options = services.GetRequiredService<IOptions<DocumentOptions>>().Value;
        var renderer = services.GetRequiredService<DocumentRenderer>();

        Assert.Equal(250, options.LoopLimit);
        Assert.Equal(RepositoryRoot.TemplateDirectory, options.TemplateDirectory);
        Assert.Same(services.GetRequiredService<DocumentTemplateCatalog>(), services.GetRequiredService<DocumentTemplateCatalog>());
        Assert.StartsWith("<!DOCTYPE html>", renderer.Render("plan-summary", "en", Model()));
    }

    [Fact]
    public async Task A_broken_template_stops_the_host_from_starting()
    {
        _folder.With("letter.en.html", "\n{{ if }}").With("letter.fr.html", "ok");
        using var host = Host(new() { ["Documents:TemplateDirectory"] = _folder.Path });

        var error = await Assert.ThrowsAsync<DocumentTemplateException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(Path.Combine(_folder.Path, "letter.en.html") + "(2,", error.Message);
    }

    [Fact]
    public async Task A_limit_of_zero_stops_the_host_from_starting()
    {
        using var host = Host(new()
        {
            ["Documents:TemplateDirectory"] = RepositoryRoot.TemplateDirectory,
            ["Documents:LoopLimit"] = "0",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Documents:LoopLimit", error.Message);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddDocuments(configuration.GetSection(DocumentOptions.SectionName))
            .BuildServiceProvider();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDocuments(builder.Configuration.GetSection(DocumentOptions.SectionName));
        return builder.Build();
    }

    private static DocumentModel Model() =>
        DocumentModelBuilder.Build(SampleJourneys.Tenant, SampleJourneys.JourneyId, SampleJourneys.English(), "en", SampleJourneys.Now);
}
