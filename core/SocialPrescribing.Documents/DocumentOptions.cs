namespace SocialPrescribing.Documents;

/// <summary>Where document templates are read from and how far a template may go when it renders.</summary>
/// <remarks>Bound from the <c>Documents</c> configuration section.</remarks>
public sealed class DocumentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Documents";

    /// <summary>
    /// The folder holding the <c>&lt;template&gt;.&lt;lang&gt;.html</c> files. Default:
    /// <c>templates/documents</c> next to the host's binaries
    /// (<c>Path.Combine(AppContext.BaseDirectory, "templates", "documents")</c>), which is where the
    /// host's build copies the repository's <c>templates/documents</c> folder. A relative path is
    /// taken relative to <see cref="AppContext.BaseDirectory"/>, not to the working directory.
    /// </summary>
    public string TemplateDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "templates", "documents");

    /// <summary>Loop iterations one render may run, all loops together. Default: 1000.</summary>
    public int LoopLimit { get; set; } = 1000;

    /// <summary>Nested function calls one render may make. Default: 20.</summary>
    public int RecursiveLimit { get; set; } = 20;

    /// <summary>Characters one rendered document may hold; a render that would exceed it fails. Default: 1,000,000.</summary>
    public int OutputLimit { get; set; } = 1_000_000;

    internal SandboxLimits Limits => new(LoopLimit, RecursiveLimit, OutputLimit);
}
