using System.Diagnostics;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>Plugins found in the folder: each failure class is listed with its status and reason, and the others load.</summary>
public sealed class PluginLoadingTests
{
    [Fact]
    public void A_sound_plugin_loads_with_its_manifest_components_and_settings_type()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder);

        var entry = Assert.Single(harness.Catalog.Plugins);

        Assert.Equal(PluginStatus.Loaded, entry.Status);
        Assert.Null(entry.Reason);
        Assert.Equal("good-rides", entry.Id);
        Assert.Equal("1.2.0", entry.Manifest!.Version);
        Assert.Equal(["transport-partner", "training-module"], entry.Manifest.Kinds);
        Assert.Equal("[1.0,2.0)", entry.Manifest.Sdk.Text);
        Assert.Equal(
            [("transport-partner", "good-rides"), ("training-module", "listening-101")],
            entry.Components.Select(c => (c.Kind, c.Id)));
        Assert.Equal("Sp.TestPlugins.GoodRides.GoodRidesSettings", entry.SettingsType);
        Assert.Equal(folder.Path, harness.Catalog.Directory);
        Assert.Contains(harness.Logs.Entries, e => e.Text.StartsWith("Loaded plugin good-rides 1.2.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plugins_private_dependency_is_loaded_from_its_own_folder()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Dependent);
        using var harness = new CatalogHarness(folder);

        Assert.Equal(PluginStatus.Loaded, harness.Entry("dependent").Status);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_an_invalid_manifest_under_its_folder_name()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides, "no-manifest").Delete("no-manifest", "plugin.json");
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("no-manifest");

        Assert.Equal(PluginStatus.InvalidManifest, entry.Status);
        Assert.Equal("the folder has no plugin.json", entry.Reason);
        Assert.Null(entry.Manifest);
    }

    [Fact]
    public void Malformed_json_is_an_invalid_manifest_naming_the_line()
    {
        using var folder = new PluginFolder().Write("broken", "plugin.json", "{\n  \"id\": \"broken\",\n  \"version\": \n}");
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("broken");

        Assert.Equal(PluginStatus.InvalidManifest, entry.Status);
        Assert.StartsWith("plugin.json is not valid JSON (line 4)", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_with_wrong_fields_names_every_field_at_fault()
    {
        using var folder = new PluginFolder().Write("wrong", "plugin.json", """
            {
              "id": "Wrong_Id",
              "version": "1.0",
              "name": "Wrong",
              "kind": "transport-partner",
              "kinds": ["transport-partner", "directory-feed"],
              "assembly": "../outside.dll"
            }
            """);
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("wrong");
        var reason = entry.Reason!;

        Assert.Equal(PluginStatus.InvalidManifest, entry.Status);
        Assert.Contains("'kind' is not a manifest field", reason, StringComparison.Ordinal);
        Assert.Contains("'id' 'Wrong_Id' must be", reason, StringComparison.Ordinal);
        Assert.Contains("'version' '1.0' is not a semantic version", reason, StringComparison.Ordinal);
        Assert.Contains("'kinds' has 'directory-feed'", reason, StringComparison.Ordinal);
        Assert.Contains("'sdk' is required", reason, StringComparison.Ordinal);
        Assert.Contains("'assembly' '../outside.dll' must be the file name", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_sdk_range_that_excludes_this_sdk_is_incompatible_and_no_code_is_loaded()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides).EditManifest(PluginFolder.GoodRides, "sdk", "[2.0,3.0)");
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("good-rides");

        Assert.Equal(PluginStatus.Incompatible, entry.Status);
        Assert.Equal("it supports SDK [2.0,3.0); this host has SDK 1.2.0", entry.Reason);
        Assert.Empty(entry.Components);
    }

    [Fact]
    public void A_missing_assembly_is_listed_as_missing_assembly()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides).Delete(PluginFolder.GoodRides, "Sp.TestPlugins.GoodRides.dll");
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("good-rides");

        Assert.Equal(PluginStatus.MissingAssembly, entry.Status);
        Assert.Contains("'Sp.TestPlugins.GoodRides.dll'", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_incompatible()
    {
        using var folder = new PluginFolder()
            .Add(PluginFolder.GoodRides)
            .WriteBytes(PluginFolder.GoodRides, "Sp.TestPlugins.GoodRides.dll", [0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03, 0xFF, 0xFE]);
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("good-rides");

        Assert.Equal(PluginStatus.Incompatible, entry.Status);
        Assert.StartsWith("'Sp.TestPlugins.GoodRides.dll' could not be loaded: BadImageFormatException", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_whose_private_dependency_is_missing_is_incompatible()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Dependent).Delete(PluginFolder.Dependent, "Sp.TestPlugins.Dependency.dll");
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("dependent");

        Assert.Equal(PluginStatus.Incompatible, entry.Status);
        Assert.StartsWith("the types of 'Sp.TestPlugins.Dependent.dll' could not be loaded", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("Sp.TestPlugins.Dependency", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_an_entry_type_is_quarantined()
    {
        using var folder = new PluginFolder().Add(PluginFolder.PluginDependency).Write(PluginFolder.PluginDependency, "plugin.json", """
            { "id": "no-entry", "version": "1.0.0", "name": "No entry", "kinds": ["training-module"], "sdk": "[1.0,2.0)", "assembly": "Sp.TestPlugins.Dependency.dll" }
            """);
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("no-entry");

        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.Equal("no public class in 'Sp.TestPlugins.Dependency.dll' implements IPluginStartup", entry.Reason);
    }

    [Fact]
    public void An_exception_in_registration_quarantines_the_plugin_and_nothing_it_registered_is_used()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving).Write(PluginFolder.Misbehaving, "mode.txt", "throw");
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?> { ["Tenants:ab:Plugins:misbehaving:Enabled"] = "true" });

        var entry = harness.Entry("misbehaving");

        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.Equal("registration failed: InvalidOperationException: Registration exploded.", entry.Reason);
        Assert.Empty(entry.Components);
        Assert.Empty(harness.Catalog.ComponentsFor<ITransportPartner>(TestTenants.Ab));
        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.Ab));
    }

    [Fact]
    public void A_registration_that_hangs_is_quarantined_after_the_startup_timeout()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving).Add(PluginFolder.GoodRides).Write(PluginFolder.Misbehaving, "mode.txt", "hang");
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?> { ["Plugins:StartupTimeout"] = "00:00:00.300" });

        var clock = Stopwatch.StartNew();
        var entry = harness.Entry("misbehaving");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Loading took {clock.Elapsed}.");
        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.Equal("registration (ConfigureServices) did not finish within 00:00:00.3000000", entry.Reason);
        Assert.Equal(PluginStatus.Loaded, harness.Entry("good-rides").Status);
    }

    [Theory]
    [InlineData("unmarked", "Sp.TestPlugins.Misbehaving.UnmarkedPartner is registered as ITransportPartner but is not marked [TransportPartner(\"id\")]")]
    [InlineData("factory", "it registers a ITransportPartner through a factory")]
    [InlineData("scoped", "Sp.TestPlugins.Misbehaving.MarkedPartner is registered as scoped")]
    public void A_component_the_host_cannot_list_from_its_type_quarantines_the_plugin(string mode, string reason)
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving).Write(PluginFolder.Misbehaving, "mode.txt", mode);
        using var harness = new CatalogHarness(folder);

        var entry = harness.Entry("misbehaving");

        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.StartsWith(reason, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Registered_kinds_must_be_the_kinds_the_manifest_declares()
    {
        using var folder = new PluginFolder()
            .Add(PluginFolder.GoodRides)
            .Add(PluginFolder.GoodRides, "good-rides-2")
            .EditManifest(PluginFolder.GoodRides, "kinds", new[] { "transport-partner" })
            .EditManifest("good-rides-2", "id", "good-rides-2")
            .EditManifest("good-rides-2", "kinds", new[] { "transport-partner", "training-module", "assessment-instrument" });
        using var harness = new CatalogHarness(folder);

        Assert.Equal(
            "it registers training-module components, which plugin.json does not declare in 'kinds'",
            harness.Entry("good-rides").Reason);
        Assert.Equal(
            "plugin.json declares assessment-instrument but it registers no such component",
            harness.Entry("good-rides-2").Reason);
    }

    [Fact]
    public void A_component_that_cannot_be_created_quarantines_the_plugin_for_every_tenant()
    {
        var settings = GoodRidesConfig.EnabledFor("ab", "on");
        settings["Tenants:on:Plugins:good-rides:Settings:FailOnCreate"] = "true";
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, settings);

        var entry = harness.Entry("good-rides");

        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.Equal(
            "creating its components for tenant 'on' failed: InvalidOperationException: Configured to fail on create.",
            entry.Reason);
        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.Ab));
        Assert.Empty(harness.Catalog.ComponentsFor<ITransportPartner>(TestTenants.Ab));
    }

    [Theory]
    [InlineData("unresolvable", "its services cannot be built for tenant 'ab': InvalidOperationException")]
    [InlineData("hang-on-create", "creating its components for tenant 'ab' did not finish within")]
    public void A_plugin_whose_services_fail_for_a_tenant_is_quarantined(string mode, string reason)
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving).Write(PluginFolder.Misbehaving, "mode.txt", mode);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?>
        {
            ["Tenants:ab:Plugins:misbehaving:Enabled"] = "true",
            ["Plugins:StartupTimeout"] = "00:00:00.300",
        });

        var entry = harness.Entry("misbehaving");

        Assert.Equal(PluginStatus.Quarantined, entry.Status);
        Assert.StartsWith(reason, entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_turned_off_by_configuration_is_disabled_and_not_loaded()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?> { ["Plugins:Disabled:0"] = "good-rides" });

        var entry = harness.Entry("good-rides");

        Assert.Equal(PluginStatus.Disabled, entry.Status);
        Assert.Equal("turned off by configuration Plugins:Disabled", entry.Reason);
    }

    [Fact]
    public void A_second_folder_with_the_same_plugin_id_is_a_duplicate()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides, "a-rides").Add(PluginFolder.GoodRides, "b-rides");
        using var harness = new CatalogHarness(folder);

        var entries = harness.Catalog.Plugins;

        Assert.Equal([PluginStatus.Loaded, PluginStatus.Duplicate], entries.Select(e => e.Status));
        Assert.Equal("the plugin in folder 'a-rides' already has id 'good-rides'", entries[1].Reason);
    }

    [Fact]
    public void Two_plugins_cannot_provide_the_same_component()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides).Add(PluginFolder.GoodRides, "other").EditManifest("other", "id", "other-rides");
        using var harness = new CatalogHarness(folder);

        Assert.Equal(PluginStatus.Loaded, harness.Entry("good-rides").Status);
        Assert.Equal("its transport-partner 'good-rides' is already provided by plugin 'good-rides'", harness.Entry("other-rides").Reason);
    }

    [Fact]
    public void Broken_plugins_are_each_listed_with_their_reason_while_the_others_load_and_serve()
    {
        using var folder = new PluginFolder()
            .Add(PluginFolder.GoodRides)
            .Add(PluginFolder.Dependent)
            .Write("bad-json", "plugin.json", "{ not json")
            .Add(PluginFolder.GoodRides, "future-sdk").EditManifest("future-sdk", "id", "future-sdk").EditManifest("future-sdk", "sdk", "[2.0,)")
            .Add(PluginFolder.GoodRides, "no-assembly").EditManifest("no-assembly", "id", "no-assembly").EditManifest("no-assembly", "assembly", "Nope.dll")
            .Add(PluginFolder.GoodRides, "garbage").EditManifest("garbage", "id", "garbage").WriteBytes("garbage", "Sp.TestPlugins.GoodRides.dll", [1, 2, 3])
            .Add(PluginFolder.Misbehaving).Write(PluginFolder.Misbehaving, "mode.txt", "throw");
        using var harness = new CatalogHarness(folder, GoodRidesConfig.EnabledFor("ab"));

        var statuses = harness.Catalog.Plugins.ToDictionary(p => p.Id, p => p.Status);

        Assert.Equal(PluginStatus.Loaded, statuses["good-rides"]);
        Assert.Equal(PluginStatus.Loaded, statuses["dependent"]);
        Assert.Equal(PluginStatus.InvalidManifest, statuses["bad-json"]);
        Assert.Equal(PluginStatus.Incompatible, statuses["future-sdk"]);
        Assert.Equal(PluginStatus.MissingAssembly, statuses["no-assembly"]);
        Assert.Equal(PluginStatus.Incompatible, statuses["garbage"]);
        Assert.Equal(PluginStatus.Quarantined, statuses["misbehaving"]);
        Assert.All(harness.Catalog.Plugins.Where(p => !p.IsLoaded), p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        Assert.Equal(5, harness.Logs.Entries.Count(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Text.Contains(" in folder ", StringComparison.Ordinal)));

        var partner = Assert.Single(harness.Catalog.ComponentsFor<ITransportPartner>(TestTenants.Ab));
        Assert.Equal("good-rides", partner.ComponentId);
    }

    [Fact]
    public void No_plugins_folder_means_no_plugins()
    {
        using var folder = new PluginFolder();
        Directory.Delete(folder.Path);
        using var harness = new CatalogHarness(folder, GoodRidesConfig.EnabledFor("ab"));

        Assert.Empty(harness.Catalog.Plugins);
        Assert.Empty(harness.Catalog.ComponentsFor<ITrainingModule>(TestTenants.Ab));
        Assert.Contains(harness.Logs.Entries, e => e.Text.StartsWith("No plugins folder at", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_folder_is_plugins_beside_the_host_binaries()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), new PluginOptions().Directory);
    }
}
