using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialPrescribing.Documents.Reports;

namespace SocialPrescribing.Documents.Tests;

public sealed class AddReportsTests : IDisposable
{
    private readonly TemporaryTemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_reports_section_is_bound_and_the_renderer_resolves()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddReports(Section(new()
            {
                ["Reports:TemplateDirectory"] = RepositoryRoot.ReportTemplateDirectory,
                ["Reports:LoopLimit"] = "2500",
            }))
            .BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<ReportOptions>>().Value;
        var renderer = services.GetRequiredService<ReportRenderer>();

        Assert.Equal(2500, options.LoopLimit);
        Assert.Equal(RepositoryRoot.ReportTemplateDirectory, renderer.Catalog.TemplateDirectory);
        Assert.Same(renderer, services.GetRequiredService<ReportRenderer>());
        Assert.StartsWith(
            "<!DOCTYPE html>",
            renderer.RenderOutcomes(SampleReports.Realistic(), "en", SampleReports.ProgramName, SampleReports.TimeZone));
    }

    [Fact]
    public async Task A_broken_report_template_stops_the_host_from_starting()
    {
        _folder.With("outcomes-report.en.html", "ok").With("outcomes-report.fr.html", "\n\n{{ if }}");
        using var host = Host(new() { ["Reports:TemplateDirectory"] = _folder.Path });

        var error = await Assert.ThrowsAsync<DocumentTemplateException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(Path.Combine(_folder.Path, "outcomes-report.fr.html") + "(3,", error.Message);
    }

    [Fact]
    public async Task A_limit_of_zero_stops_the_host_from_starting()
    {
        using var host = Host(new()
        {
            ["Reports:TemplateDirectory"] = RepositoryRoot.ReportTemplateDirectory,
            ["Reports:OutputLimit"] = "0",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Reports:OutputLimit", error.Message);
    }

    [Fact]
    public async Task Documents_and_reports_start_side_by_side_from_their_own_folders()
    {
        using var host = Host(new(), withDocuments: true);

        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var documents = host.Services.GetRequiredService<DocumentTemplateCatalog>();
            var reports = host.Services.GetRequiredService<ReportRenderer>().Catalog;

            Assert.Equal(["plan-summary", "referral-acknowledgement", "referrer-discharge", "social-prescription"], documents.Templates);
            Assert.Equal([ReportRenderer.OutcomesTemplate], reports.Templates);
        }
        finally
        {
            await host.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    private static IConfigurationSection Section(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ReportOptions.SectionName);

    private static IHost Host(Dictionary<string, string?> settings, bool withDocuments = false)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddReports(builder.Configuration.GetSection(ReportOptions.SectionName));
        if (withDocuments)
        {
            builder.Services.AddDocuments(builder.Configuration.GetSection(DocumentOptions.SectionName));
        }

        return builder.Build();
    }
}
