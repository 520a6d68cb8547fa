using SocialPrescribing.Documents.Reports;

namespace SocialPrescribing.Documents.Tests;

public sealed class ReportRendererTests : IDisposable
{
    private readonly TemporaryTemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_broken_report_template_stops_the_catalog_naming_its_file_and_line()
    {
        _folder
            .With("outcomes-report.en.html", "<!DOCTYPE html>\n<h1>{{ program_name }}</h1>\n{{ for instrument in }}{{ end }}\n")
            .With("outcomes-report.fr.html", "<h1>{{ program_name }}</h1>\n");

        var error = Assert.Throws<DocumentTemplateException>(() => OutcomeReports.Renderer(_folder.Path));

        var broken = Path.Combine(_folder.Path, "outcomes-report.en.html");
        Assert.Contains(broken + "(3,", error.Message);
        Assert.All(error.Errors, line => Assert.StartsWith(broken + "(", line));
    }

    [Fact]
    public void A_missing_report_folder_names_the_reports_setting()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.Throws<DocumentTemplateException>(() => OutcomeReports.Renderer(missing));

        Assert.Contains(missing, error.Message);
        Assert.Contains("Reports:TemplateDirectory", error.Message);
    }

    [Fact]
    public void By_default_report_templates_are_read_from_next_to_the_binaries()
    {
        var options = new ReportOptions();

        var renderer = OutcomeReports.Renderer(options);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "templates", "reports"), options.TemplateDirectory);
        Assert.Equal(options.TemplateDirectory, renderer.Catalog.TemplateDirectory);
        Assert.Equal([ReportRenderer.OutcomesTemplate], renderer.Catalog.Templates);
    }

    [Fact]
    public void The_repository_report_templates_parse_cleanly()
    {
        var renderer = OutcomeReports.Renderer(RepositoryRoot.ReportTemplateDirectory);

        Assert.Equal(["outcomes-report"], renderer.Catalog.Templates);
        Assert.Equal(["en", "fr"], renderer.Catalog.Languages);
    }

    [Fact]
    public void Report_templates_are_not_journey_documents()
    {
        Assert.False(Documents.Catalog(RepositoryRoot.TemplateDirectory).IsKnown(ReportRenderer.OutcomesTemplate));
        Assert.False(Documents.Catalog(new DocumentOptions()).IsKnown(ReportRenderer.OutcomesTemplate));
        Assert.False(OutcomeReports.Renderer(new ReportOptions()).Catalog.IsKnown("plan-summary"));
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("")]
    public void An_unsupported_language_is_refused_as_unsupported(string lang)
    {
        var renderer = OutcomeReports.Renderer(new ReportOptions());

        var error = Assert.Throws<UnsupportedDocumentLanguageException>(
            () => renderer.RenderOutcomes(SampleReports.Realistic(), lang, SampleReports.ProgramName, SampleReports.TimeZone));

        Assert.Equal(lang, error.Language);
    }

    [Fact]
    public void A_report_folder_without_the_outcomes_report_refuses_it_as_unknown()
    {
        _folder.WithEveryLanguage("caseload-report", "<p>{{ program_name }}</p>");

        var error = Assert.Throws<UnknownDocumentTemplateException>(() => RenderWith(null));

        Assert.Equal(ReportRenderer.OutcomesTemplate, error.Template);
    }

    [Theory]
    [InlineData("{{ program_nme }}")]
    [InlineData("{{ for instrument in instruments }}{{ instrument.titel }}{{ end }}")]
    [InlineData("{{ for i in instruments }}{{ i.chart.panels[0].baseline.hieght }}{{ end }}")]
    public void A_misspelled_name_in_a_report_template_fails_the_render(string body)
    {
        var error = Assert.Throws<DocumentRenderException>(() => RenderWith(body));

        Assert.Equal(ReportRenderer.OutcomesTemplate, error.Template);
        Assert.Equal("en", error.Language);
    }

    [Fact]
    public void A_runaway_loop_in_a_report_template_is_stopped()
    {
        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ for i in 1..100000 }}.{{ end }}"));
    }

    [Fact]
    public void A_report_larger_than_the_output_limit_is_stopped()
    {
        Assert.Throws<DocumentRenderException>(
            () => RenderWith("{{ for i in 1..50 }}{{ program_name }}{{ end }}", new ReportOptions { OutputLimit = 100 }));
    }

    [Fact]
    public void A_report_template_cannot_include_files()
    {
        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ include 'outcomes-report.fr.html' }}"));
    }

    [Fact]
    public void A_report_template_within_the_limits_renders()
    {
        var html = RenderWith("{{ for i in instruments }}<b>{{ i.instrument }}</b>{{ end }}");

        Assert.Equal("<b>ons4</b><b>ucla3</b><b>swemwbs</b><b>phq9</b><b>legacy-wellbeing</b>", html);
    }

    [Fact]
    public void The_default_limits_leave_room_for_a_report_of_many_instruments()
    {
        var instruments = Enumerable.Range(1, 20)
            .Select(i => SampleReports.Instrument(
                $"instrument-{i}",
                [.. Enumerable.Range(1, 4).Select(s => SampleReports.Score($"score{s}", 0, 10, higherIsBetter: true, 2, 10, 4, 6))]))
            .ToArray();

        var html = OutcomeReports.Render(SampleReports.Report(null, 200, instruments), "en");

        Assert.Contains("instrument-20", html);
    }

    private string RenderWith(string? body, ReportOptions? options = null)
    {
        if (body is not null)
        {
            _folder.WithEveryLanguage(ReportRenderer.OutcomesTemplate, body);
        }

        options ??= new ReportOptions();
        options.TemplateDirectory = _folder.Path;
        return OutcomeReports.Renderer(options)
            .RenderOutcomes(SampleReports.Realistic(), "en", SampleReports.ProgramName, SampleReports.TimeZone);
    }
}
