using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Plugins;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>
/// The <c>sp-plugin</c> template, used as the README tells a developer outside this repository to: the SDK packed
/// to a local folder, the template installed and instantiated, the project published against the packed SDK,
/// its folder copied into a host's plugins folder, and the plugin loaded and answering.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class PluginTemplateTests : IDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(4);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "sp-template-" + Guid.NewGuid().ToString("N"));

    public PluginTemplateTests() => Directory.CreateDirectory(_work);

    private static string SdkProject => Repository.PathOf("core/SocialPrescribing.Abstractions/SocialPrescribing.Abstractions.csproj");

    private static string TemplateFolder => Repository.PathOf("templates/sp-plugin");

    private static string SdkVersion => XDocument.Load(SdkProject).Descendants("Version").Single().Value;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [Fact]
    public void The_template_builds_against_the_sdk_version_the_sdk_project_declares()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(TemplateFolder, ".template.config", "template.json")))!;
        var project = XDocument.Load(Path.Combine(TemplateFolder, "Company.Plugin.csproj"));

        Assert.Equal("sp-plugin", (string?)template["shortName"]);
        Assert.Equal(SdkVersion, (string?)template["symbols"]!["sdkVersion"]!["defaultValue"]);
        Assert.Equal(SdkVersion, project.Descendants("SocialPrescribingSdkVersion").Single().Value);
    }

    [Fact]
    public async Task A_plugin_made_from_the_template_and_built_against_the_packed_sdk_loads_and_answers_in_the_host()
    {
        // A version no package cache can hold an older build of; the template's --sdk-version takes it.
        var version = $"{SdkVersion}-test-{Guid.NewGuid():N}";
        var feed = Directory.CreateDirectory(Path.Combine(_work, "feed")).FullName;
        var plugins = Path.Combine(_work, "plugins");
        WriteNuGetConfig(feed);

        // 1. dotnet pack core/SocialPrescribing.Abstractions -o <feed>, from a copy, so the repository's build output is untouched.
        var sdkCopy = CopySdkSources();
        await DotNet.RunAsync(_work, StepTimeout, "pack", sdkCopy, "-c", "Release", "-o", feed, $"-p:Version={version}", "--disable-build-servers");
        Assert.True(File.Exists(Path.Combine(feed, $"SocialPrescribing.Abstractions.{version}.nupkg")));

        // 2. dotnet new install templates/sp-plugin; dotnet new sp-plugin -n Northwind.Rides (in a private template hive).
        var hive = Path.Combine(_work, "hive");
        await DotNet.RunAsync(_work, StepTimeout, "new", "install", TemplateFolder, "--debug:custom-hive", hive);
        await DotNet.RunAsync(
            _work, StepTimeout, "new", "sp-plugin", "-n", "Northwind.Rides", "-o", "src/Northwind.Rides", "--sdk-version", version, "--debug:custom-hive", hive);

        // 3. dotnet publish, straight into the plugins folder.
        var folder = Path.Combine(plugins, "northwind-rides");
        await DotNet.RunAsync(_work, StepTimeout, "publish", "src/Northwind.Rides", "-c", "Release", "-o", folder, "--disable-build-servers");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToList();
        Assert.Contains("Northwind.Rides.dll", files);
        Assert.Contains("plugin.json", files);
        Assert.DoesNotContain(files, f => f!.StartsWith("SocialPrescribing.", StringComparison.Ordinal) || f.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
        Assert.Equal("northwind-rides", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "plugin.json")))!["id"]);

        // 4. Enabled for ab; listed as loaded by GET /api/v1/plugins; quoting through the host's invoker.
        await using var host = new SampleHostFactory(plugins, new Dictionary<string, string?>
        {
            ["Tenants:ab:Plugins:northwind-rides:Enabled"] = "true",
            ["Tenants:ab:Plugins:northwind-rides:Settings:ServiceArea"] = "Calgary",
            ["Tenants:on:Plugins:community-training:Enabled"] = "false",
            ["Tenants:on:Plugins:healthy-aging-checklist:Enabled"] = "false",
        });
        using var client = host.CreateAuthenticatedClient();
        var response = await client.GetAsync("/api/v1/plugins", TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plugin = Assert.Single(body["plugins"]!.AsArray())!;
        Assert.True((string?)plugin["status"] == "loaded", plugin.ToJsonString());
        Assert.Equal(("northwind-rides", "0.1.0"), ((string?)plugin["id"], (string?)plugin["version"]));
        Assert.Equal(["transport-partner"], plugin["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["ab"], plugin["enabledFor"]!.AsArray().Select(t => (string)t!));

        var partner = host.Services.GetRequiredService<IPluginCatalog>().Find<ITransportPartner>(TestTenants.Ab, "northwind-rides");
        Assert.NotNull(partner);
        var quote = await host.Services.GetRequiredService<IPluginInvoker>().InvokeAsync(
            partner, "quote", (p, ct) => p.QuoteAsync(Trips.ToTheCommunityHall(), ct), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((true, new TripFare(10m, "CAD", "program")), (quote.Available, quote.Fare));
    }

    /// <summary>
    /// The local folder as a package source beside the user's own; restored packages go to a folder of the test's,
    /// reading the user's package cache without writing to it.
    /// </summary>
    private void WriteNuGetConfig(string feed)
    {
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var config = new XElement(
            "configuration",
            new XElement("config", Add("globalPackagesFolder", Path.Combine(_work, "packages"))),
            new XElement("packageSources", Add("sp-sdk", feed)),
            new XElement("fallbackPackageFolders", Add("user-packages", userPackages)));
        config.Save(Path.Combine(_work, "NuGet.config"));

        static XElement Add(string key, string value) => new("add", new XAttribute("key", key), new XAttribute("value", value));
    }

    /// <summary>The SDK project with the repository files its build reads (strict settings, central versions, code style).</summary>
    private string CopySdkSources()
    {
        var root = Path.Combine(_work, "sdk");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            Directory.CreateDirectory(root);
            File.Copy(Repository.PathOf(file), Path.Combine(root, file));
        }

        var source = Path.GetDirectoryName(SdkProject)!;
        var target = Path.Combine(root, Path.GetRelativePath(Repository.Root, source));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }
}
