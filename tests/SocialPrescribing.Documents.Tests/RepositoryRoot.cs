namespace SocialPrescribing.Documents.Tests;

internal static class RepositoryRoot
{
    /// <summary>The repository's folder (see <see cref="Testing.RepositoryRoot"/>).</summary>
    public static string Path => Testing.RepositoryRoot.Path;

    public static string TemplateDirectory => System.IO.Path.Combine(Path, "templates", "documents");

    public static string ReportTemplateDirectory => System.IO.Path.Combine(Path, "templates", "reports");
}
