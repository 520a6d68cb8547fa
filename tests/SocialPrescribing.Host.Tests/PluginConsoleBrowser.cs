namespace SocialPrescribing.Host.Tests;

/// <summary>
/// <see cref="ConsoleBrowser"/> on a host whose plugins folder holds the good-rides test plugin (a transport partner
/// and the listening-101 training module), enabled for ab: what the console's transport and training screens need.
/// </summary>
public sealed class PluginConsoleBrowser : ConsoleBrowser
{
    public PluginConsoleBrowser()
        : this(Path.Combine(Path.GetTempPath(), "sp-console-plugins-" + Guid.NewGuid().ToString("N")))
    {
    }

    private PluginConsoleBrowser(string plugins)
        : base(new Dictionary<string, string>
        {
            ["Plugins:Directory"] = Copy(plugins),
            ["Tenants:ab:Plugins:good-rides:Enabled"] = "true",
            ["Tenants:ab:Plugins:good-rides:Settings:ServiceArea"] = "Calgary",
            ["Tenants:ab:Plugins:good-rides:Settings:BaseFare"] = "12.50",
        }) => PluginsFolder = plugins;

    public string PluginsFolder { get; }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        TempFolders.Delete(PluginsFolder);
    }

    /// <summary>Copies the built good-rides plugin into <paramref name="folder"/>/good-rides; returns <paramref name="folder"/>.</summary>
    private static string Copy(string folder)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "TestPlugins", "good-rides");
        if (!Directory.Exists(source))
        {
            throw new InvalidOperationException($"The good-rides test plugin was not built into {source}.");
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, "good-rides", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
