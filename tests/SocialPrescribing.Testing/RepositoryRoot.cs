namespace SocialPrescribing.Testing;

/// <summary>The repository's folder, found by walking up from the test binaries to the solution file.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SocialPrescribing.Framework.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SocialPrescribing.Framework.sln above {AppContext.BaseDirectory}.");
    }
}
