using SocialPrescribing.Plugins;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>Each sample, copied as built into a plugins folder, loads with its kinds and components.</summary>
public sealed class SampleLoadingTests : IDisposable
{
    private readonly SamplePlugins _plugins = new SamplePlugins()
        .Add(SamplePlugins.ContosoRides, SamplePlugins.CommunityTraining, SamplePlugins.HealthyAgingChecklist, SamplePlugins.ContosoNotify);

    private readonly PluginHarness _harness;

    public SampleLoadingTests()
    {
        var settings = ContosoConfig.For(new Uri("http://127.0.0.1:9/"));
        settings["Tenants:ab:Plugins:community-training:Enabled"] = "true";
        settings["Tenants:ab:Plugins:healthy-aging-checklist:Enabled"] = "true";
        settings["Tenants:ab:Plugins:contoso-notify:Enabled"] = "true";
        settings["Tenants:ab:Plugins:contoso-notify:Settings:WebhookUrl"] = "http://127.0.0.1:9/pages";
        settings["Tenants:ab:Plugins:contoso-notify:Settings:SigningSecret"] = "ab-signing-secret-0123456789";
        _harness = new PluginHarness(_plugins, settings);
    }

    public void Dispose()
    {
        _harness.Dispose();
        _plugins.Dispose();
    }

    [Theory]
    [InlineData("contoso-rides", "transport-partner", "contoso-rides", "Contoso.Rides.ContosoRidesSettings")]
    [InlineData("community-training", "training-module", "privacy-consent-101,safeguarding-escalation-101,what-matters-101", null)]
    [InlineData("healthy-aging-checklist", "assessment-instrument", "healthy-aging", null)]
    [InlineData("contoso-notify", "notification-channel", "contoso-notify", "Contoso.Notify.ContosoNotifySettings")]
    public void A_sample_loads_with_its_kind_components_and_settings(string id, string kind, string components, string? settingsType)
    {
        var entry = _harness.Entry(id);

        Assert.True(entry.Status == PluginStatus.Loaded, $"{id}: {PluginStatusNames.Of(entry.Status)} ({entry.Reason})");
        Assert.Equal([kind], entry.Manifest!.Kinds);
        Assert.Equal(components.Split(','), entry.Components.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(entry.Components, c => Assert.Equal(kind, c.Kind));
        Assert.Equal(settingsType, entry.SettingsType);
        Assert.Contains(_harness.Catalog.EnabledFor(TestTenants.Ab), p => p.Id == id);
    }

    [Theory]
    [InlineData(SamplePlugins.ContosoRides)]
    [InlineData(SamplePlugins.CommunityTraining)]
    [InlineData(SamplePlugins.HealthyAgingChecklist)]
    [InlineData(SamplePlugins.ContosoNotify)]
    public void A_sample_folder_carries_its_own_assembly_and_manifest_but_no_copy_of_what_the_host_shares(string plugin)
    {
        var files = Directory.GetFiles(SamplePlugins.Built(plugin)).Select(Path.GetFileName).ToList();

        Assert.Contains("plugin.json", files);
        Assert.Single(files, f => f!.EndsWith(".deps.json", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.StartsWith("SocialPrescribing.", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f!.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal));
    }
}
