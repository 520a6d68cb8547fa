using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Documents.Reports;

/// <summary>
/// Renders program reports from the report templates: a <see cref="DocumentTemplateCatalog"/> of
/// their own over <see cref="ReportOptions.TemplateDirectory"/>, rendered on the same sandboxed path
/// as documents (capped loops, recursion and output, strict names, every value HTML-encoded, no
/// includes).
/// </summary>
public sealed class ReportRenderer
{
    /// <summary>The name of the outcomes report template: <c>outcomes-report.en.html</c>, <c>outcomes-report.fr.html</c>.</summary>
    public const string OutcomesTemplate = "outcomes-report";

    private readonly ReportOptions _options;
    private readonly ILogger<ReportRenderer> _logger;

    /// <summary>Loads and parses the report templates.</summary>
    /// <exception cref="DocumentTemplateException">
    /// The folder is missing or empty, or a template is misnamed, does not parse or lacks a language;
    /// the message names each file, with line and column for parse errors.
    /// </exception>
    public ReportRenderer(IOptions<ReportOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _logger = loggerFactory.CreateLogger<ReportRenderer>();
        Catalog = new DocumentTemplateCatalog(
            _options.TemplateDirectory,
            $"{ReportOptions.SectionName}:{nameof(ReportOptions.TemplateDirectory)}",
            loggerFactory.CreateLogger<DocumentTemplateCatalog>());
    }

    /// <summary>The report templates, loaded once.</summary>
    public DocumentTemplateCatalog Catalog { get; }

    /// <summary>Renders a program's outcomes report to a complete HTML page.</summary>
    /// <param name="report">The outcomes to show.</param>
    /// <param name="lang">The language, <c>en</c> or <c>fr</c>.</param>
    /// <param name="programName">The tenant's display name, for the heading.</param>
    /// <param name="timeZone">The tenant's time zone, in which the generation time is written.</param>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported (HTTP 400).</exception>
    /// <exception cref="UnknownDocumentTemplateException">The report folder has no <c>outcomes-report</c> template (a deployment fault).</exception>
    /// <exception cref="DocumentRenderException">The template failed: a fault in the template (HTTP 500).</exception>
    public string RenderOutcomes(ProgramOutcomeReport report, string lang, string programName, TimeZoneInfo timeZone)
    {
        var model = OutcomeReportModelBuilder.Build(report, lang, programName, timeZone);
        var parsed = Catalog.Get(OutcomesTemplate, lang);
        return SandboxedRendering.Render(parsed, OutcomesTemplate, lang, model, _options.Limits, _logger);
    }
}
