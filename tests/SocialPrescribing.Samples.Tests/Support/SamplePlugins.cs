namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>
/// A throwaway plugins folder for one test or fixture, filled with copies of the sample plugins as the build
/// placed them in the host's plugins folder: what an implementer copies into theirs.
/// </summary>
internal sealed class SamplePlugins : IDisposable
{
    public const string ContosoRides = "contoso-rides";
    public const string CommunityTraining = "community-training";
    public const string HealthyAgingChecklist = "healthy-aging-checklist";
    public const string ContosoNotify = "contoso-notify";

    /// <summary>The first-party directory feed under plugins/, built into the same folder.</summary>
    public const string HsdsApiFeed = "hsds-api-feed";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sp-samples-" + Guid.NewGuid().ToString("N"));

    public SamplePlugins() => Directory.CreateDirectory(Path);

    /// <summary>The sample's folder as built.</summary>
    public static string Built(string plugin)
    {
        var folder = System.IO.Path.Combine(Repository.SamplePluginsDirectory, plugin);
        Assert.True(File.Exists(System.IO.Path.Combine(folder, "plugin.json")), $"The sample plugin '{plugin}' was not built into {folder}.");
        return folder;
    }

    public SamplePlugins Add(params string[] plugins)
    {
        foreach (var plugin in plugins)
        {
            CopyFolder(Built(plugin), System.IO.Path.Combine(Path, plugin));
        }

        return this;
    }

    public static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    public void Dispose()
    {
        // Loaded plugin assemblies stay mapped for the life of the test process; a leftover in /tmp is harmless.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
