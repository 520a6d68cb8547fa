using System.Globalization;

namespace SocialPrescribing.Testing.Postgres;

/// <summary>Finds the PostgreSQL server programs where Debian's <c>postgresql</c> package installs them.</summary>
internal static class PostgresBinaries
{
    public const string NotFoundMessage =
        "PostgreSQL binaries not found; install Debian's postgresql package (apt-get install postgresql)";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The <c>bin</c> folder of the highest installed major version, or null when there is none.</summary>
    public static string? FindBinDirectory()
    {
        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(dir => (Dir: Path.Combine(dir, "bin"), Version: MajorVersion(Path.GetFileName(dir))))
            .Where(c => c.Version is not null && new[] { "initdb", "pg_ctl", "postgres" }.All(tool => File.Exists(Path.Combine(c.Dir, tool))))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Dir)
            .FirstOrDefault();
    }

    // Folders are named by major version ("15", or "9.6" for old ones); compare them as numbers, not text.
    private static Version? MajorVersion(string name) =>
        Version.TryParse(name.Contains('.', StringComparison.Ordinal) ? name : name + ".0", out var version)
            ? version
            : int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? new Version(major, 0) : null;
}
