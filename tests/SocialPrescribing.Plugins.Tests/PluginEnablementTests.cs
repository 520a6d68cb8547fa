using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>Tenant configuration names the plugins a tenant has and their settings, validated at start-up.</summary>
public sealed class PluginEnablementTests
{
    [Fact]
    public void A_plugin_is_visible_only_to_the_tenants_that_enable_it()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, GoodRidesConfig.EnabledFor("ab"));
        var catalog = harness.Catalog;

        Assert.Equal(["good-rides"], catalog.EnabledFor(TestTenants.Ab).Select(p => p.Id));
        Assert.True(catalog.IsEnabled(TestTenants.Ab, "good-rides"));
        Assert.Single(catalog.ComponentsFor<ITransportPartner>(TestTenants.Ab));
        Assert.Single(catalog.ComponentsFor<ITrainingModule>(TestTenants.Ab));

        Assert.Empty(catalog.EnabledFor(TestTenants.On));
        Assert.False(catalog.IsEnabled(TestTenants.On, "good-rides"));
        Assert.Empty(catalog.ComponentsFor<ITransportPartner>(TestTenants.On));
        Assert.Null(catalog.Find<ITransportPartner>(TestTenants.On, "good-rides"));
    }

    [Fact]
    public void Enabled_false_keeps_the_plugin_from_the_tenant()
    {
        var settings = GoodRidesConfig.EnabledFor("ab", "on");
        settings["Tenants:on:Plugins:good-rides:Enabled"] = "false";
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, settings);

        Assert.True(harness.Catalog.IsEnabled(TestTenants.Ab, "good-rides"));
        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.On));
    }

    [Fact]
    public async Task Each_tenant_gets_its_own_component_with_its_own_settings()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, GoodRidesConfig.EnabledFor("ab", "on"));
        var ab = harness.Catalog.Find<ITransportPartner>(TestTenants.Ab, "good-rides")!;
        var on = harness.Catalog.Find<ITransportPartner>(TestTenants.On, "good-rides")!;

        var abQuote = await harness.Invoker.InvokeAsync(ab, "quote", (p, ct) => p.QuoteAsync(Trips.For("Marie"), ct), cancellationToken: TestContext.Current.CancellationToken);
        var onQuote = await harness.Invoker.InvokeAsync(on, "quote", (p, ct) => p.QuoteAsync(Trips.For("Marie"), ct), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(("ab:Calgary", 12.50m), (abQuote.QuoteReference, abQuote.Fare!.Amount));
        Assert.Equal(("on:Toronto", 20m), (onQuote.QuoteReference, onQuote.Fare!.Amount));
        Assert.Equal(("good-rides", "1.2.0", TestTenants.Ab, "transport-partner"), (ab.PluginId, ab.PluginVersion, ab.Tenant, ab.Kind));
    }

    [Fact]
    public void Enabling_a_plugin_that_is_not_there_is_a_warning_and_the_host_goes_on()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?> { ["Tenants:ab:Plugins:contoso-rides:Enabled"] = "true" });

        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.Ab));
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Text.StartsWith("Tenant ab enables plugin contoso-rides, which is not in", StringComparison.Ordinal));
    }

    [Fact]
    public void Enabling_a_plugin_that_did_not_load_is_a_warning_and_gives_the_tenant_nothing()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides).EditManifest(PluginFolder.GoodRides, "sdk", "[9.0,)");
        using var harness = new CatalogHarness(folder, GoodRidesConfig.EnabledFor("ab"));

        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.Ab));
        Assert.Empty(harness.Catalog.ComponentsFor<ITransportPartner>(TestTenants.Ab));
        Assert.Contains(harness.Logs.Entries, e => e.Level == LogLevel.Warning
            && e.Text == "Tenant ab enables plugin good-rides, which is incompatible; the tenant goes without it");
    }

    [Theory]
    [InlineData("ServiceArea", null, "Tenants:ab:Plugins:good-rides:Settings:ServiceArea: The ServiceArea field is required.")]
    [InlineData("BaseFare", "5000", "Tenants:ab:Plugins:good-rides:Settings:BaseFare: The field BaseFare must be between 0 and 1000.")]
    public void A_setting_that_fails_validation_stops_start_up_naming_tenant_plugin_and_field(string setting, string? value, string message)
    {
        var settings = GoodRidesConfig.EnabledFor("ab", "on");
        settings[$"Tenants:ab:Plugins:good-rides:Settings:{setting}"] = value;
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Equal([message], error.Failures);
    }

    [Fact]
    public void An_unknown_setting_or_a_value_that_does_not_convert_stops_start_up()
    {
        var settings = GoodRidesConfig.EnabledFor("ab", "on");
        settings["Tenants:ab:Plugins:good-rides:Settings:BaseFair"] = "12";
        settings["Tenants:on:Plugins:good-rides:Settings:BaseFare"] = "twelve";
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Equal(2, error.Failures.Count());
        Assert.StartsWith("Tenants:ab:Plugins:good-rides:Settings: ", error.Failures.First(), StringComparison.Ordinal);
        Assert.Contains("BaseFair", error.Failures.First(), StringComparison.Ordinal);
        Assert.StartsWith("Tenants:on:Plugins:good-rides:Settings: ", error.Failures.Last(), StringComparison.Ordinal);
        Assert.Contains("Tenants:on:Plugins:good-rides:Settings:BaseFare", error.Failures.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_tenant_plugin_keys_stop_start_up()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?>
        {
            ["Tenants:ab:Plugins:misbehaving:Enable"] = "true",
            ["Tenants:on:Plugins:misbehaving:Enabled"] = "yes",
        });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Equal(
            [
                "Tenants:ab:Plugins:misbehaving:Enable is not a plugin key (use Enabled and Settings).",
                "Tenants:on:Plugins:misbehaving:Enabled must be true or false; it was 'yes'.",
            ],
            error.Failures);
    }

    [Fact]
    public void Settings_for_a_plugin_that_takes_none_stop_start_up()
    {
        using var folder = new PluginFolder().Add(PluginFolder.Misbehaving);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?>
        {
            ["Tenants:ab:Plugins:misbehaving:Enabled"] = "true",
            ["Tenants:ab:Plugins:misbehaving:Settings:Speed"] = "fast",
        });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Equal(["Tenants:ab:Plugins:misbehaving:Settings: plugin 'misbehaving' takes no settings."], error.Failures);
    }

    [Fact]
    public void Settings_of_a_tenant_that_does_not_enable_the_plugin_are_not_checked()
    {
        using var folder = new PluginFolder().Add(PluginFolder.GoodRides);
        using var harness = new CatalogHarness(folder, new Dictionary<string, string?>
        {
            ["Tenants:on:Plugins:good-rides:Enabled"] = "false",
            ["Tenants:on:Plugins:good-rides:Settings:BaseFare"] = "5000",
        });

        Assert.Empty(harness.Catalog.EnabledFor(TestTenants.On));
    }

    [Fact]
    public void Only_kind_contracts_can_be_asked_for()
    {
        using var folder = new PluginFolder();
        using var harness = new CatalogHarness(folder);

        Assert.Throws<ArgumentException>(() => harness.Catalog.ComponentsFor<IDisposable>(TestTenants.Ab));
    }
}
