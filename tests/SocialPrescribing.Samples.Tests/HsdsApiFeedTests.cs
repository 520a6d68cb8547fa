using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>
/// The first-party directory feed (plugins/SocialPrescribing.HsdsFeed) against a real HSDS 3 API: the host's own,
/// over real HTTP, serving tenant on's public directory; tenant ab's feed pulls it into ab's directory, on a
/// recurring Hangfire schedule or on an admin's demand, and reads only what changed on the next run.
/// </summary>
public sealed class HsdsApiFeedTests : IAsyncLifetime
{
    private readonly SamplePlugins _plugins = new SamplePlugins().Add(SamplePlugins.HsdsApiFeed);
    private readonly int _port = FreePort.Next();
    private SampleHostFactory _host = null!;
    private HttpClient _http = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _host = new SampleHostFactory(_plugins.Path, new Dictionary<string, string?>
        {
            ["Tenants:on:PublicDirectory"] = "true",
            ["Tenants:ab:Plugins:hsds-api-feed:Enabled"] = "true",
            ["Tenants:ab:Plugins:hsds-api-feed:Settings:BaseUrl"] = $"http://127.0.0.1:{_port}/api/v1/tenants/on/hsds/",
            ["Tenants:ab:Plugins:hsds-api-feed:Settings:PerPage"] = "2",
            ["Tenants:ab:DirectoryFeedSchedule"] = "30 4 * * 1-5",
        });
        _host.UseKestrel(_port);
        _host.StartServer();
        _http = new HttpClient(new TenantTokenHandler(_host.DataDirectory) { InnerHandler = new HttpClientHandler() }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}") };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        _plugins.Dispose();
    }

    private static JsonObject Service(string name) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["name"] = name,
        ["status"] = "active",
        ["description"] = name + " for older adults.",
        ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = name + " Society", ["description"] = "A provider." },
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["name"] = name + " hall", ["latitude"] = 45.4, ["longitude"] = -75.7 },
        }),
    };

    private async Task ImportIntoOnAsync(params JsonObject[] services)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/tenants/on/directory/imports", new JsonArray([.. services.Select(s => s.DeepClone())]), Token);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonObject>(Token))!["rejected"]!.GetValue<int>());
    }

    private async Task<JsonObject> RunFeedAsync(int expectedRuns)
    {
        using var accepted = await _http.PostAsync("/api/v1/tenants/ab/directory/feeds/hsds-api-feed/runs", null, Token);
        Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, $"{accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync(Token)}\n{_host.Problems}");
        for (var waited = 0; waited < 300; waited++)
        {
            var feeds = (await _http.GetFromJsonAsync<JsonArray>("/api/v1/tenants/ab/directory/feeds", Token))!;
            var runs = feeds.Single()!["runs"]!.AsArray();
            if (runs.Count >= expectedRuns)
            {
                return runs[0]!.AsObject();
            }

            await Task.Delay(100, Token);
        }

        throw new TimeoutException("The feed's run did not end.");
    }

    [Fact]
    public async Task A_tenants_feed_pulls_another_directory_over_hsds_then_only_what_changed()
    {
        var walking = Service("Walking Club");
        var choir = Service("Community Choir");
        var garden = Service("Garden Group");
        await ImportIntoOnAsync(walking, choir, garden);

        // The feed has its recurring run on the tenant's schedule.
        using (var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().Single(j => j.Id == "directory-feed:ab:hsds-api-feed");
            Assert.Equal("30 4 * * 1-5", recurring.Cron);
        }

        var first = await RunFeedAsync(1);
        Assert.True(first["complete"]!.GetValue<bool>(), first.ToJsonString());
        Assert.Equal((3, 3, 2), (first["received"]!.GetValue<int>(), first["imported"]!.GetValue<int>(), first["pages"]!.GetValue<int>()));
        Assert.Null(first["modifiedAfter"]);

        // ab's directory now serves them, whole.
        var served = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/ab/hsds/services/{choir["id"]}", Token))!;
        Assert.Equal("Community Choir", served["name"]!.GetValue<string>());
        Assert.Equal("Community Choir Society", served["organization"]!["name"]!.GetValue<string>());

        // The next run reads only what changed since the last one began.
        choir["name"] = "Community Choir (evenings)";
        await ImportIntoOnAsync(choir);
        var second = await RunFeedAsync(2);
        Assert.True(second["complete"]!.GetValue<bool>(), second.ToJsonString());
        Assert.NotNull(second["modifiedAfter"]);
        Assert.Equal((1, 0, 1), (second["received"]!.GetValue<int>(), second["imported"]!.GetValue<int>(), second["updated"]!.GetValue<int>()));
        served = (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/tenants/ab/hsds/services/{choir["id"]}", Token))!;
        Assert.Equal("Community Choir (evenings)", served["name"]!.GetValue<string>());

        using var unknown = await _http.PostAsync("/api/v1/tenants/ab/directory/feeds/no-such-feed/runs", null, Token);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
