using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPrescribing.Documents.Reports;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Tests;

/// <summary>Builds the report renderer the way the container would.</summary>
internal static class OutcomeReports
{
    public static ReportRenderer Renderer(string directory) =>
        Renderer(new ReportOptions { TemplateDirectory = directory });

    public static ReportRenderer Renderer(ReportOptions options) =>
        new(Options.Create(options), NullLoggerFactory.Instance);

    /// <summary>
    /// Renders a report with the templates the build copied next to the test binaries, the folder
    /// <see cref="ReportOptions"/> points at by default.
    /// </summary>
    public static string Render(ProgramOutcomeReport report, string lang, string programName = SampleReports.ProgramName) =>
        Renderer(new ReportOptions()).RenderOutcomes(report, lang, programName, SampleReports.TimeZone);

    public static OutcomeReportModel Model(ProgramOutcomeReport report, string lang = "en") =>
        OutcomeReportModelBuilder.Build(report, lang, SampleReports.ProgramName, SampleReports.TimeZone);
}
