namespace SocialPrescribing.Documents.Reports;

/// <summary>Where report templates are read from and how far a report template may go when it renders.</summary>
/// <remarks>
/// Bound from the <c>Reports</c> configuration section. Reports have a folder of their own, apart from
/// the journey documents', so a report template can never be asked for as a journey document.
/// </remarks>
public sealed class ReportOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Reports";

    /// <summary>
    /// The folder holding the <c>&lt;template&gt;.&lt;lang&gt;.html</c> report files. Default:
    /// <c>templates/reports</c> next to the host's binaries
    /// (<c>Path.Combine(AppContext.BaseDirectory, "templates", "reports")</c>), which is where the
    /// host's build copies the repository's <c>templates/reports</c> folder. A relative path is taken
    /// relative to <see cref="AppContext.BaseDirectory"/>, not to the working directory.
    /// </summary>
    public string TemplateDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates", "reports");

    /// <summary>
    /// Loop iterations one render may run. Default: 5000, more than a letter's 1000 because a report
    /// loops over instruments, scores and axis values; a report of ten instruments uses a few hundred.
    /// </summary>
    public int LoopLimit { get; set; } = 5000;

    /// <summary>Nested function calls one render may make. Default: 20.</summary>
    public int RecursiveLimit { get; set; } = 20;

    /// <summary>Characters one rendered report may hold; a render that would exceed it fails. Default: 1,000,000.</summary>
    public int OutputLimit { get; set; } = 1_000_000;

    internal SandboxLimits Limits => new(LoopLimit, RecursiveLimit, OutputLimit);
}
