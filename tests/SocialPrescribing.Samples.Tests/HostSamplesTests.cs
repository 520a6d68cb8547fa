using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>
/// The real host with the three samples in its plugins folder, all enabled for ab and none for on: the operator's
/// list, each tenant's plugins, and the checklist in ab's assessment catalogue, scored over HTTP.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class HostSamplesTests(HostSamplesTests.Fixture host) : IClassFixture<HostSamplesTests.Fixture>
{
    private static readonly int[] SomeNeed = [2, 2, 1, 1, 0, 1, 1, 1, 0, 2, 1];

    [Fact]
    public async Task The_operator_sees_every_sample_loaded_with_its_kind_and_tenants()
    {
        var body = await GetAsync("/api/v1/plugins");
        var plugins = body["plugins"]!.AsArray().Select(p => p!.AsObject()).ToDictionary(p => (string)p["id"]!);

        Assert.Equal(["community-training", "contoso-rides", "healthy-aging-checklist"], plugins.Keys.Order(StringComparer.Ordinal));
        Assert.All(plugins.Values, p => Assert.Equal(("loaded", "1.0.0"), ((string?)p["status"], (string?)p["version"])));
        Assert.All(plugins.Values, p => Assert.Equal(["ab"], p["enabledFor"]!.AsArray().Select(t => (string)t!)));
        Assert.Equal(["transport-partner"], Kinds(plugins["contoso-rides"]));
        Assert.Equal(["training-module"], Kinds(plugins["community-training"]));
        Assert.Equal(["assessment-instrument"], Kinds(plugins["healthy-aging-checklist"]));
        Assert.Equal(["healthy-aging"], plugins["healthy-aging-checklist"]["components"]!.AsArray().Select(c => (string)c!["id"]!));
    }

    [Fact]
    public async Task A_tenant_that_enables_no_sample_sees_none()
    {
        var ab = await GetAsync("/api/v1/tenants/ab/plugins");
        var on = await GetAsync("/api/v1/tenants/on/plugins");

        Assert.Equal(3, ab["plugins"]!.AsArray().Count);
        Assert.Empty(on["plugins"]!.AsArray());
    }

    [Fact]
    public async Task The_checklist_is_in_the_catalogue_of_the_tenant_that_enables_it_with_the_plugin_as_its_source()
    {
        var ab = await GetArrayAsync("/api/v1/tenants/ab/assessments/instruments");
        var on = await GetArrayAsync("/api/v1/tenants/on/assessments/instruments");

        var checklist = Assert.Single(ab, i => (string?)i!["id"] == "healthy-aging")!;
        Assert.Equal("healthy-aging-checklist", (string?)checklist["source"]);
        Assert.Equal(("1.0", "Healthy Aging Checklist"), ((string?)checklist["version"], (string?)checklist["title"]));
        Assert.Equal(11, checklist["items"]!.AsArray().Count);
        Assert.Equal(["total", "social", "active", "mood"], checklist["scores"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal(3m, (decimal)checklist["scores"]![0]!["meaningfulChange"]!);
        Assert.Equal("free-to-show", (string?)checklist["licence"]!["itemTextUse"]);
        // The plugin ships its own French, item by item and answer by answer, so the host offers the checklist in French.
        Assert.Equal(["en", "fr"], checklist["languages"]!.AsArray().Select(l => (string)l!));
        Assert.Equal("Au cours du dernier mois, à quelle fréquence vous êtes-vous senti(e) seul(e)?", (string?)checklist["items"]![0]!["translations"]!["fr"]);
        Assert.Equal("Souvent", (string?)checklist["items"]![0]!["responseOptions"]![2]!["translations"]!["fr"]);
        Assert.All(ab.Where(i => (string?)i!["id"] != "healthy-aging"), i => Assert.Equal("built-in", (string?)i!["source"]));
        Assert.DoesNotContain(on, i => (string?)i!["id"] == "healthy-aging");
    }

    [Fact]
    public async Task The_checklist_scores_over_http_for_the_tenant_that_enables_it()
    {
        var response = await PostScoreAsync("ab", SomeNeed);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("healthy-aging", "1.0"), ((string?)body["instrument"], (string?)body["version"]));
        Assert.Equal(
            [("total", 11m), ("social", 5m), ("active", 3m), ("mood", 3m)],
            body["scores"]!.AsObject().Select(s => (s.Key, (decimal)s.Value!)));
        Assert.Equal("high", (string?)body["bands"]!["total"]);
        Assert.Equal(["falls-risk", "food-insecurity", "transport-barrier"], body["flags"]!.AsArray().Select(f => (string)f!));
    }

    [Fact]
    public async Task The_other_tenant_cannot_score_the_checklist()
    {
        var response = await PostScoreAsync("on", SomeNeed);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(new[] { 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "responses[0]")]
    [InlineData(new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 }, "responses[10]")]
    [InlineData(new[] { 0, 0, 0 }, "responses")]
    public async Task Responses_the_checklist_does_not_allow_are_a_400_naming_the_item(int[] responses, string field)
    {
        var response = await PostScoreAsync("ab", responses);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task The_training_modules_are_offered_to_the_tenant_that_enables_them_without_their_answers()
    {
        var ab = await GetArrayAsync("/api/v1/tenants/ab/training/modules");
        var on = await GetArrayAsync("/api/v1/tenants/on/training/modules");

        var samples = ab.Where(m => (string?)m!["source"] == "community-training").ToList();
        Assert.Equal(
            ["privacy-consent-101", "safeguarding-escalation-101", "what-matters-101"],
            samples.Select(m => (string)m!["id"]!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("correctOptionIds", ab.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(on, m => (string?)m!["source"] == "community-training");
    }

    [Fact]
    public async Task A_link_worker_who_passes_a_sample_module_has_its_competencies_on_their_profile()
    {
        const string worker = "/api/v1/tenants/ab/link-workers/lw-samples-1";
        var started = await host.Client.PostAsync($"{worker}/training/what-matters-101/start", null, TestContext.Current.CancellationToken);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var answers = new Dictionary<string, string[]>
        {
            ["opening"] = ["b"],
            ["reflection"] = ["b"],
            ["goal-wording"] = ["b"],
            ["barriers"] = ["a", "b", "c", "e"],
            ["whose-priorities"] = ["a"],
        };
        var attempt = await host.Client.PostAsJsonAsync($"{worker}/training/what-matters-101/knowledge-check", new { answers }, TestContext.Current.CancellationToken);
        var marked = JsonNode.Parse(await attempt.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var profile = await GetAsync($"{worker}/competencies");

        Assert.True(attempt.IsSuccessStatusCode, marked.ToJsonString());
        Assert.Equal((4, 80m, true), ((int)marked["correct"]!, (decimal)marked["scorePercent"]!, (bool)marked["passed"]!));
        var competency = profile["domains"]!.AsArray()
            .SelectMany(d => d!["competencies"]!.AsArray())
            .Single(c => (string?)c!["id"] == "what-matters-conversations")!;
        Assert.Equal("foundational", (string?)competency["level"]);
        Assert.Equal(["what-matters-101"], competency["evidencedBy"]!.AsArray().Select(m => (string)m!));
    }

    private static IEnumerable<string> Kinds(JsonObject plugin) => plugin["kinds"]!.AsArray().Select(k => (string)k!);

    private Task<HttpResponseMessage> PostScoreAsync(string tenant, int[] responses) =>
        host.Client.PostAsJsonAsync($"/api/v1/tenants/{tenant}/assessments/healthy-aging/score", new { responses }, TestContext.Current.CancellationToken);

    private async Task<JsonObject> GetAsync(string path) => (await GetNodeAsync(path)).AsObject();

    private async Task<JsonArray> GetArrayAsync(string path) => (await GetNodeAsync(path)).AsArray();

    private async Task<JsonNode> GetNodeAsync(string path)
    {
        var response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>One host for the class. Contoso Rides points at a loopback port nobody listens on: nothing here calls it.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly SamplePlugins _plugins = new SamplePlugins()
            .Add(SamplePlugins.ContosoRides, SamplePlugins.CommunityTraining, SamplePlugins.HealthyAgingChecklist);

        private SampleHostFactory? _factory;

        public HttpClient Client { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            var settings = new Dictionary<string, string?>
            {
                ["Tenants:ab:Plugins:contoso-rides:Enabled"] = "true",
                ["Tenants:ab:Plugins:contoso-rides:Settings:BaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/",
                ["Tenants:ab:Plugins:contoso-rides:Settings:ApiKey"] = ContosoConfig.AbKey,
                ["Tenants:ab:Plugins:community-training:Enabled"] = "true",
                ["Tenants:ab:Plugins:healthy-aging-checklist:Enabled"] = "true",
                // Whatever the host's appsettings.json enables for the demo tenant on.
                ["Tenants:on:Plugins:community-training:Enabled"] = "false",
                ["Tenants:on:Plugins:healthy-aging-checklist:Enabled"] = "false",
            };
            _factory = new SampleHostFactory(_plugins.Path, settings);
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
