using System.Net;
using System.Text.Json.Nodes;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>
/// The real host with a good plugin and broken ones in its plugins folder: it starts, is ready, lists every plugin
/// with its status and reason, and gives each tenant the plugins it enables.
/// </summary>
[Collection(PluginHostCollection.Name)]
public sealed class HostPluginTests(HostPluginTests.Fixture host) : IClassFixture<HostPluginTests.Fixture>
{
    [Fact]
    public async Task The_host_is_ready_with_broken_plugins_present()
    {
        var response = await host.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_plugin_found_is_listed_with_its_status_and_reason()
    {
        var body = await GetAsync("/api/v1/plugins");
        var plugins = body["plugins"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => (string)p["id"]!);

        Assert.Equal("1.2.0", (string?)body["sdkVersion"]);
        Assert.Equal(["bad-json", "good-rides", "misbehaving", "no-assembly", "old-sdk"], plugins.Keys.Order(StringComparer.Ordinal));

        var good = plugins["good-rides"];
        Assert.Equal("loaded", (string?)good["status"]);
        Assert.Null(good["reason"]);
        Assert.Equal("1.2.0", (string?)good["version"]);
        Assert.Equal(["transport-partner", "training-module"], good["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(["good-rides", "listening-101"], good["components"]!.AsArray().Select(c => (string)c!["id"]!));
        Assert.Equal(["ab"], good["enabledFor"]!.AsArray().Select(t => (string)t!));

        Assert.Equal(("invalid-manifest", null), ((string?)plugins["bad-json"]["status"], (string?)plugins["bad-json"]["version"]));
        Assert.Equal("quarantined", (string?)plugins["misbehaving"]["status"]);
        Assert.Equal("registration failed: InvalidOperationException: Registration exploded.", (string?)plugins["misbehaving"]["reason"]);
        Assert.Equal("missing-assembly", (string?)plugins["no-assembly"]["status"]);
        Assert.Equal("incompatible", (string?)plugins["old-sdk"]["status"]);
        Assert.Equal("it supports SDK [0.1,1.0); this host has SDK 1.2.0", (string?)plugins["old-sdk"]["reason"]);
        Assert.All(plugins.Values.Where(p => (string?)p["status"] != "loaded"), p => Assert.False(string.IsNullOrEmpty((string?)p["reason"])));
    }

    [Fact]
    public async Task A_tenant_sees_the_plugins_it_enables_with_their_kinds()
    {
        var body = await GetAsync("/api/v1/tenants/ab/plugins");

        Assert.Equal("ab", (string?)body["tenant"]);
        var plugin = Assert.Single(body["plugins"]!.AsArray())!.AsObject();
        Assert.Equal("good-rides", (string?)plugin["id"]);
        Assert.Equal(["transport-partner", "training-module"], plugin["kinds"]!.AsArray().Select(k => (string)k!));
        Assert.Equal(
            [("transport-partner", "good-rides"), ("training-module", "listening-101")],
            plugin["components"]!.AsArray().Select(c => ((string)c!["kind"]!, (string)c["id"]!)));
        Assert.Equal("closed", (string?)plugin["calls"]!["circuit"]);
    }

    [Fact]
    public async Task A_tenant_that_enables_nothing_loaded_sees_no_plugins()
    {
        var body = await GetAsync("/api/v1/tenants/on/plugins");

        Assert.Empty(body["plugins"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_or_malformed_tenant_is_a_problem()
    {
        var unknown = await host.Client.GetAsync("/api/v1/tenants/zz/plugins", TestContext.Current.CancellationToken);
        var malformed = await host.Client.GetAsync("/api/v1/tenants/Not_A_Tenant/plugins", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_plugin_routes_are_in_the_openapi_document()
    {
        var document = await GetAsync("/openapi/v1.json");

        Assert.NotNull(document["paths"]!["/api/v1/plugins"]);
        Assert.NotNull(document["paths"]!["/api/v1/tenants/{tenant}/plugins"]);
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>One host for the class: good-rides enabled for ab; on enables only the quarantined plugin.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly PluginFolder _plugins = new PluginFolder()
            .Add(PluginFolder.GoodRides)
            .Add(PluginFolder.Misbehaving).Write(PluginFolder.Misbehaving, "mode.txt", "throw")
            .Write("bad-json", "plugin.json", "{ \"id\": ")
            .Add(PluginFolder.GoodRides, "no-assembly").EditManifest("no-assembly", "id", "no-assembly").EditManifest("no-assembly", "assembly", "Gone.dll")
            .Add(PluginFolder.GoodRides, "old-sdk").EditManifest("old-sdk", "id", "old-sdk").EditManifest("old-sdk", "sdk", "[0.1,1.0)");

        private PluginHostFactory? _factory;

        public HttpClient Client { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            var settings = GoodRidesConfig.EnabledFor("ab");
            settings["Tenants:on:Plugins:misbehaving:Enabled"] = "true";
            _factory = new PluginHostFactory(_plugins.Path, settings);
            Client = _factory.CreateAuthenticatedClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            _plugins.Dispose();
        }
    }
}
