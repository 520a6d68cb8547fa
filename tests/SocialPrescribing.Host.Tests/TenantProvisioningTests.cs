using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Plugins;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Tests;

/// <summary>One host for the tenant provisioning tests, looking for other hosts' changes every 200 ms, with the good-rides test plugin installed.</summary>
public sealed class TenantProvisioningFixture() : HostFixture(new Dictionary<string, string>
{
    ["TenantSync:RefreshInterval"] = "00:00:00.2",
    ["Plugins:Directory"] = Path.Combine(AppContext.BaseDirectory, "TestPlugins"),
});

/// <summary>
/// A province added and configured while the host runs: created by an operator, served at once, changed from the
/// version its writer read, every change recorded with who made it and what it changed.
/// </summary>
public sealed class TenantProvisioningTests(TenantProvisioningFixture fixture) : IClassFixture<TenantProvisioningFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_tenant_created_and_changed_while_the_host_runs_is_served_at_once_with_its_new_settings()
    {
        var tenant = NewTenant();
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Programme du Nord", timeZone = "America/Edmonton" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        Assert.Equal($"/api/v1/tenants/{tenant}/settings", created.Headers.Location?.OriginalString);
        var body = await Api.ReadAsync(created);
        Assert.Equal(5, body["settings"]!["firstContactSlaBusinessDays"]!.GetValue<int>());

        // Served at once: a referral in the new tenant, accepted on Monday, is due five business days later.
        var first = await AcceptedDueAsync(tenant);

        using var changed = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{tenant}/settings",
            new { displayName = "Programme du Nord", timeZone = "America/Edmonton", firstContactSlaBusinessDays = 10, holidays = new[] { "2026-12-25" } }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        var second = await AcceptedDueAsync(tenant);

        Assert.Equal(TimeSpan.FromDays(7), first.Due - first.At);
        Assert.Equal(TimeSpan.FromDays(14), second.Due - second.At);

        using var history = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/settings/changes");
        var changes = (await Api.ReadAsync(history))["changes"]!.AsArray();
        Assert.Equal([2, 1], changes.Select(c => c!["version"]!.GetValue<int>()));
        Assert.All(changes, c => Assert.Equal(("op-1", "api"), (c!["changedBy"]!.GetValue<string>(), c["source"]!.GetValue<string>())));
        var differences = changes[0]!["differences"]!.AsArray().ToDictionary(d => d!["field"]!.GetValue<string>(), d => (d!["from"]?.GetValue<string>(), d["to"]?.GetValue<string>()));
        Assert.Equal(["firstContactSlaBusinessDays", "holidays"], differences.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("5", "10"), differences["firstContactSlaBusinessDays"]);
        Assert.Equal(("[]", "[\"2026-12-25\"]"), differences["holidays"]);

        using var list = await SendAsync(HttpMethod.Get, "/api/v1/tenants");
        var listed = (await Api.ReadAsync(list))["tenants"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == tenant)!;
        Assert.Equal(("Programme du Nord", 2), (listed["displayName"]!.GetValue<string>(), listed["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Settings_the_start_up_rules_refuse_a_second_creation_and_a_stale_or_missing_version_change_nothing()
    {
        var tenant = NewTenant();
        using var badZone = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "X", timeZone = "Mars/Olympus", matching = new { interest = 99 } } });
        Assert.Equal(["settings.matching.interest", "settings.timeZone"], Api.Fields(await Api.ProblemAsync(badZone, HttpStatusCode.BadRequest)).Order(StringComparer.Ordinal));
        using var badId = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = "Not A Tenant", settings = new { displayName = "X" } });
        Assert.Equal(["id"], Api.Fields(await Api.ProblemAsync(badId, HttpStatusCode.BadRequest)));
        using var unknownField = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "X", colour = "red" } });
        Assert.Equal(["settings.colour"], Api.Fields(await Api.ProblemAsync(unknownField, HttpStatusCode.BadRequest)));
        using var nothing = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/settings");
        await Api.ProblemAsync(nothing, HttpStatusCode.NotFound);

        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "First" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Second" } });
        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
        using var unversioned = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{tenant}/settings", new { displayName = "Third" });
        await Api.ProblemAsync(unversioned, HttpStatusCode.PreconditionRequired);
        using var stale = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{tenant}/settings", new { displayName = "Third" }, ifMatch: "\"7\"");
        Assert.Equal(1, (await Api.ProblemAsync(stale, HttpStatusCode.PreconditionFailed))["version"]!.GetValue<int>());
        using var refused = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{tenant}/settings", new { displayName = "", minimumContactAttempts = 0 }, ifMatch: "\"1\"");
        Assert.Equal(["displayName", "minimumContactAttempts"], Api.Fields(await Api.ProblemAsync(refused, HttpStatusCode.BadRequest)).Order(StringComparer.Ordinal));

        using var read = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/settings");
        var settings = await Api.ReadAsync(read);
        Assert.Equal(("First", 1), (settings["settings"]!["displayName"]!.GetValue<string>(), settings["version"]!.GetValue<int>()));
        Assert.Equal("First", Served(tenant).DisplayName);
    }

    [Fact]
    public async Task Only_operators_create_and_list_tenants_and_a_tenant_admin_reads_and_changes_only_their_own()
    {
        var tenant = NewTenant();
        using var asLinkWorker = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "X" } }, roles: [AccessRoles.LinkWorker, AccessRoles.Supervisor]);
        await Api.ProblemAsync(asLinkWorker, HttpStatusCode.Forbidden);
        using var listAsAdmin = await SendAsync(HttpMethod.Get, "/api/v1/tenants", roles: [AccessRoles.TenantAdmin]);
        await Api.ProblemAsync(listAsAdmin, HttpStatusCode.Forbidden);
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Own" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // An admin of another tenant is told it does not exist; the tenant's own admin reads and changes it.
        using var otherAdmin = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/settings", roles: [AccessRoles.TenantAdmin]);
        await Api.ProblemAsync(otherAdmin, HttpStatusCode.NotFound);
        using var ownAdmin = await SendAsync(HttpMethod.Put, $"/api/v1/tenants/{tenant}/settings", new { displayName = "Own, renamed" }, ifMatch: "\"1\"", roles: [AccessRoles.TenantAdmin], callerTenant: tenant, subject: "admin-1");
        Assert.Equal(HttpStatusCode.OK, ownAdmin.StatusCode);
        using var clinician = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/settings", roles: [AccessRoles.Supervisor], callerTenant: tenant);
        await Api.ProblemAsync(clinician, HttpStatusCode.Forbidden);

        Assert.Equal("Own, renamed", Served(tenant).DisplayName);
        Assert.Equal("admin-1", (await Store.ReadTenantSettingsChangesAsync(TenantId.Parse(tenant), Token))[0].ChangedBy);
    }

    [Fact]
    public async Task A_change_another_host_stored_is_served_within_the_refresh_interval()
    {
        var tenant = NewTenant();
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Before" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // As another host of the deployment would: straight into the database.
        await Store.SaveTenantSettingsAsync(new TenantSettingsChange(
            TenantId.Parse(tenant), 2, "api", DateTimeOffset.UtcNow, "op-2", "[]", """{"displayName":"After","minimumContactAttempts":4}"""), Token);

        await Api.EventuallyAsync(() => Task.FromResult(Served(tenant).DisplayName == "After"), "the other host's change served");
        Assert.Equal(4, Served(tenant).MinimumContactAttempts);
    }

    [Fact]
    public async Task A_plugin_enabled_while_the_host_runs_serves_the_tenant_and_settings_it_refuses_change_nothing()
    {
        var tenant = NewTenant();
        var path = $"/api/v1/tenants/{tenant}/settings";
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Rides" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The plugin requires a service area: refused with its own words; a plugin not installed is refused too.
        using var unsettled = await SendAsync(HttpMethod.Put, path, new { displayName = "Rides", plugins = new Dictionary<string, object> { ["good-rides"] = new { enabled = true, settings = new { baseFare = 12 } } } }, ifMatch: "\"1\"");
        var refused = await Api.ProblemAsync(unsettled, HttpStatusCode.BadRequest);
        Assert.Equal(["plugins"], Api.Fields(refused));
        Assert.Contains("ServiceArea", refused["errors"]!["plugins"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        using var absent = await SendAsync(HttpMethod.Put, path, new { displayName = "Rides", plugins = new Dictionary<string, object> { ["no-such-plugin"] = new { enabled = true } } }, ifMatch: "\"1\"");
        Assert.Contains("no plugin 'no-such-plugin'", (await Api.ProblemAsync(absent, HttpStatusCode.BadRequest))["errors"]!["plugins"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(await ModulesAsync(tenant));

        using var enabled = await SendAsync(HttpMethod.Put, path, new { displayName = "Rides", plugins = new Dictionary<string, object> { ["good-rides"] = new { enabled = true, settings = new { serviceArea = "Moncton", baseFare = 12.5 } } } }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(["listening-101"], await ModulesAsync(tenant));
        var catalog = fixture.Factory.Services.GetRequiredService<IPluginCatalog>();
        Assert.Equal("good-rides", Assert.Single(catalog.ComponentsFor<ITransportPartner>(TenantId.Parse(tenant))).PluginId);

        using var disabled = await SendAsync(HttpMethod.Put, path, new { displayName = "Rides", plugins = new Dictionary<string, object> { ["good-rides"] = new { enabled = false } } }, ifMatch: "\"2\"");
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Empty(await ModulesAsync(tenant));
        Assert.Empty(catalog.ComponentsFor<ITransportPartner>(TenantId.Parse(tenant)));
    }

    [Fact]
    public async Task The_swemwbs_wording_under_the_tenants_licence_is_set_while_the_host_runs_and_wording_that_does_not_fit_is_refused()
    {
        var tenant = NewTenant();
        var path = $"/api/v1/tenants/{tenant}/settings";
        using var created = await SendAsync(HttpMethod.Post, "/api/v1/tenants", new { id = tenant, settings = new { displayName = "Licensed" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Null((await SwemwbsAsync(tenant))["items"]![0]!["text"]);

        using var short_ = await SendAsync(HttpMethod.Put, path, new { displayName = "Licensed", assessments = new { swemwbs = new { itemTexts = new[] { "Only one" } } } }, ifMatch: "\"1\"");
        Assert.Equal(["assessments"], Api.Fields(await Api.ProblemAsync(short_, HttpStatusCode.BadRequest)));
        using var licensed = await SendAsync(HttpMethod.Put, path,
            new { displayName = "Licensed", assessments = new { swemwbs = new { itemTexts = Enumerable.Range(1, 7).Select(i => $"Licensed statement {i}").ToArray() } } }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.OK, licensed.StatusCode);

        Assert.Equal("Licensed statement 1", (await SwemwbsAsync(tenant))["items"]![0]!["text"]!.GetValue<string>());
    }

    private async Task<JsonObject> SwemwbsAsync(string tenant)
    {
        using var instrument = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/assessments/instruments/swemwbs", roles: [AccessRoles.LinkWorker], callerTenant: tenant);
        return await Api.ReadAsync(instrument);
    }

    private async Task<string[]> ModulesAsync(string tenant)
    {
        using var modules = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{tenant}/training/modules", roles: [AccessRoles.LinkWorker], callerTenant: tenant);
        return [.. (await Api.ReadArrayAsync(modules)).Select(m => m!["id"]!.GetValue<string>())];
    }

    private ITenantSettingsStore Store => fixture.Factory.Services.GetRequiredService<ITenantSettingsStore>();

    private TenantSettings Served(string tenant) =>
        fixture.Factory.Services.GetRequiredService<ITenantDirectory>().TryGet(TenantId.Parse(tenant), out var settings) ? settings : throw new InvalidOperationException("Not served.");

    private async Task<(DateTimeOffset At, DateTimeOffset Due)> AcceptedDueAsync(string tenant)
    {
        var id = await Api.CreateJourneyAsync(fixture.Client, tenant);
        using var accepted = await Api.CommandAsync(fixture.Client, id, "accept", new { linkWorkerId = "lw-42" }, tenant: tenant);
        var data = (await Api.ReadAsync(accepted))["events"]![0]!;
        return (data["occurredAt"]!.GetValue<DateTimeOffset>(), data["data"]!["firstContactDueAt"]!.GetValue<DateTimeOffset>());
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body = null, string? ifMatch = null, string[]? roles = null, string callerTenant = Api.Tenant, string subject = "op-1")
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, callerTenant, subject, roles ?? [AccessRoles.Operator]));
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var http = fixture.Factory.CreateClient();
        return await http.SendAsync(request, Token);
    }
}
