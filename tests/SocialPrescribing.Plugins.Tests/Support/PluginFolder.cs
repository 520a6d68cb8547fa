namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>
/// A throwaway plugins folder for one test, filled with copies of the test plugins that the build put in
/// <c>TestPlugins/</c>, and with manifests and files the test rewrites.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    public const string GoodRides = "good-rides";
    public const string Misbehaving = "misbehaving";
    public const string Dependent = "dependent";
    public const string PluginDependency = "plugin-dependency";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sp-plugins-" + Guid.NewGuid().ToString("N"));

    public PluginFolder() => Directory.CreateDirectory(Path);

    public static string Built(string plugin)
    {
        var folder = System.IO.Path.Combine(AppContext.BaseDirectory, "TestPlugins", plugin);
        Assert.True(Directory.Exists(folder), $"The test plugin '{plugin}' was not built into {folder}.");
        return folder;
    }

    /// <summary>Copies a built test plugin into a sub-folder, by default named after it.</summary>
    public PluginFolder Add(string plugin, string? folder = null)
    {
        var source = Built(plugin);
        var target = System.IO.Path.Combine(Path, folder ?? plugin);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return this;
    }

    /// <summary>Writes (or replaces) a file in a plugin's sub-folder.</summary>
    public PluginFolder Write(string folder, string file, string text)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, folder));
        File.WriteAllText(System.IO.Path.Combine(Path, folder, file), text);
        return this;
    }

    public PluginFolder WriteBytes(string folder, string file, byte[] bytes)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, folder));
        File.WriteAllBytes(System.IO.Path.Combine(Path, folder, file), bytes);
        return this;
    }

    public PluginFolder Delete(string folder, string file)
    {
        File.Delete(System.IO.Path.Combine(Path, folder, file));
        return this;
    }

    /// <summary>Rewrites a copied plugin's manifest with one field changed, keeping the others.</summary>
    public PluginFolder EditManifest(string folder, string field, object value)
    {
        var path = System.IO.Path.Combine(Path, folder, "plugin.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json[field] = System.Text.Json.JsonSerializer.SerializeToNode(value);
        File.WriteAllText(path, json.ToJsonString());
        return this;
    }

    public void Dispose()
    {
        // Loaded plugin assemblies stay mapped for the life of the test process; leftovers in /tmp are harmless.
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
