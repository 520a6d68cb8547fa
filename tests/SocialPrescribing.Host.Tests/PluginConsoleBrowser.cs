namespace SocialPrescribing.Host.Tests;

/// <summary>
/// <see cref="ConsoleBrowser"/> on a host whose plugins folder holds the good-rides test plugin (a transport partner
/// and the listening-101 training module), enabled for ab, and a French wording of GAD-7 for ab: what the console's
/// transport, training and assessment screens need.
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
            // The operators' page leads to the Orleans Dashboard too (off by default: it profiles every grain call).
            ["Operations:OrleansDashboard"] = "true",
            // A French wording of GAD-7 as a program would configure its validated translation (test words, not that translation).
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:0"] = "Question 1 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:1"] = "Question 2 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:2"] = "Question 3 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:3"] = "Question 4 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:4"] = "Question 5 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:5"] = "Question 6 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ItemTexts:6"] = "Question 7 en français",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ResponseLabels:0"] = "Jamais",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ResponseLabels:1"] = "Plusieurs jours",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ResponseLabels:2"] = "Plus de la moitié des jours",
            ["Tenants:ab:Assessments:Wordings:gad7:fr:ResponseLabels:3"] = "Presque tous les jours",
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
