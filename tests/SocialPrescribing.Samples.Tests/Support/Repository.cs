using System.Reflection;

namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>Paths the build wrote into this assembly: the repository, and the host's plugins folder the samples built into.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string SamplePluginsDirectory { get; } = Metadata("SamplePluginsDirectory");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
