using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Notifications;
using SocialPrescribing.Plugins;
using SocialPrescribing.Samples.Tests.Support;

namespace SocialPrescribing.Samples.Tests;

/// <summary>
/// The Contoso Notify sample, a notification channel: a safety alert raised through the real host reaches the webhook
/// of the tenant that enables it, signed; a webhook that fails is contained by the invoker; bad settings stop start-up.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class ContosoNotifyTests : IAsyncLifetime
{
    private const string Secret = "ab-signing-secret-0123456789";

    /// <summary>PHQ-9 with item 9 above zero: the self-harm flag, whatever the total.</summary>
    private static readonly int[] RiskyPhq9 = [1, 1, 1, 1, 0, 0, 0, 0, 1];

    private readonly SamplePlugins _plugins = new SamplePlugins().Add(SamplePlugins.ContosoNotify);
    private WebhookReceiver _webhook = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _webhook = await WebhookReceiver.StartAsync(Token);

    public async ValueTask DisposeAsync()
    {
        await _webhook.DisposeAsync();
        _plugins.Dispose();
    }

    private Dictionary<string, string?> EnabledForAb() => new()
    {
        ["Tenants:ab:Plugins:contoso-notify:Enabled"] = "true",
        ["Tenants:ab:Plugins:contoso-notify:Settings:WebhookUrl"] = new Uri(_webhook.BaseUrl, "pages/ab").AbsoluteUri,
        ["Tenants:ab:Plugins:contoso-notify:Settings:SigningSecret"] = Secret,
        ["Tenants:ab:Plugins:contoso-notify:Settings:HostUrl"] = "https://sp.example.org/",
    };

    [Fact]
    public async Task A_safety_alert_reaches_the_webhook_of_the_tenant_that_enables_the_channel_through_the_real_host()
    {
        await using var host = new SampleHostFactory(_plugins.Path, EnabledForAb());
        using var http = host.CreateAuthenticatedClient();

        var (journeyId, alertId) = await RaiseSafetyAlertAsync(http, "ab");
        var notified = await WaitForNotificationAsync(http, "ab", journeyId, host);
        var (otherJourney, _) = await RaiseSafetyAlertAsync(http, "on");
        var otherNotified = await WaitForNotificationAsync(http, "on", otherJourney, host);

        Assert.Equal(["contoso-notify", "notification-log"], notified["channels"]!.AsArray().Select(c => (string)c!).Order(StringComparer.Ordinal));
        Assert.Equal(["notification-log"], otherNotified["channels"]!.AsArray().Select(c => (string)c!));
        var page = Assert.Single(_webhook.Received);
        Assert.Equal("/pages/ab", page.Path);
        Assert.Equal("sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(page.Body))), page.Signature);
        var body = JsonNode.Parse(page.Body)!;
        Assert.Equal(("safety-alert", "ab", "self-harm-risk", "phq9"), ((string?)body["event"], (string?)body["tenant"], (string?)body["flag"], (string?)body["instrument"]));
        Assert.Equal((alertId, journeyId), ((Guid)body["alertId"]!, (Guid)body["journeyId"]!));
        Assert.Equal($"https://sp.example.org/api/v1/tenants/ab/journeys/{journeyId}", (string?)body["link"]);
        Assert.Equal(["sup-ab-1"], body["recipients"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.DoesNotContain("Tremblay", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_fails_is_a_contained_plugin_failure()
    {
        _webhook.Answer = HttpStatusCode.InternalServerError;
        using var harness = new PluginHarness(_plugins, EnabledForAb());
        var channel = harness.Catalog.Find<INotificationChannel>(TestTenants.Ab, "contoso-notify");
        Assert.NotNull(channel);
        Assert.Null(harness.Catalog.Find<INotificationChannel>(TestTenants.On, "contoso-notify"));

        var failure = await Assert.ThrowsAsync<PluginCallException>(() => harness.Invoker.InvokeAsync(channel, "send-safety-alert", async (c, ct) =>
        {
            await c.SendAsync(Notification(), ct);
            return true;
        }, cancellationToken: Token));

        Assert.Equal((PluginCallFailure.Faulted, "contoso-notify"), (failure.Reason, failure.PluginId));
        Assert.Single(_webhook.Received);
        Assert.Equal(1L, harness.Invoker.Health("contoso-notify", TestTenants.Ab).Failures);
    }

    [Fact]
    public void Settings_without_a_secret_or_with_plain_http_to_another_machine_stop_start_up()
    {
        var settings = EnabledForAb();
        settings["Tenants:ab:Plugins:contoso-notify:Settings:SigningSecret"] = null;
        settings["Tenants:on:Plugins:contoso-notify:Enabled"] = "true";
        settings["Tenants:on:Plugins:contoso-notify:Settings:WebhookUrl"] = "http://hooks.example.org/pages/on";
        settings["Tenants:on:Plugins:contoso-notify:Settings:SigningSecret"] = Secret;
        using var harness = new PluginHarness(_plugins, settings);

        var error = Assert.Throws<OptionsValidationException>(() => harness.Catalog);

        Assert.Contains("Tenants:ab:Plugins:contoso-notify:Settings:SigningSecret: The SigningSecret field is required.", error.Failures);
        Assert.Contains(
            "Tenants:on:Plugins:contoso-notify:Settings:WebhookUrl: The WebhookUrl must be an absolute https URL (http only for a loopback address).",
            error.Failures);
    }

    private static SafetyAlertNotification Notification() => new()
    {
        Tenant = TestTenants.Ab,
        JourneyId = Guid.NewGuid(),
        AlertId = Guid.NewGuid(),
        Flag = "self-harm-risk",
        Instrument = "phq9",
        RaisedAt = DateTimeOffset.UtcNow,
        JourneyPath = "/api/v1/tenants/ab/journeys/x",
        Recipients = [new NotificationRecipient("sup-ab-1", "Supervisor", null)],
    };

    /// <summary>A referral taken to engaged, then a PHQ-9 that raises a safety alert: the journey and the alert.</summary>
    private static async Task<(Guid JourneyId, Guid AlertId)> RaiseSafetyAlertAsync(HttpClient http, string tenant)
    {
        var journeys = $"/api/v1/tenants/{tenant}/journeys";
        var referral = new
        {
            client = new { givenName = "Marie", familyName = "Tremblay", birthDate = "1948-03-14", postalCode = "T2P 1J9", preferredLanguage = "en", phone = "403-555-0101" },
            referrer = new { name = "Dr. Amir Patel", organization = "Bow Valley Family Clinic", role = "family physician" },
            source = "family-physician",
            reasons = new[] { "low-mood" },
        };
        var id = (Guid)(await ReadAsync(await http.PostAsJsonAsync($"/api/v1/tenants/{tenant}/referrals", referral, Token)))["journeyId"]!;
        await ReadAsync(await http.PostAsJsonAsync($"{journeys}/{id}/accept", new { linkWorkerId = "lw-1" }, Token));
        await ReadAsync(await http.PostAsJsonAsync($"{journeys}/{id}/record-contact", new { mode = "phone" }, Token));
        var recorded = await ReadAsync(await http.PostAsJsonAsync($"{journeys}/{id}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = RiskyPhq9 }, Token));
        return (id, (Guid)recorded["safetyAlerts"]![0]!["alertId"]!);
    }

    /// <summary>The data of the journey's <c>SafetyAlertNotified</c> event, once the job has recorded it.</summary>
    private static async Task<JsonNode> WaitForNotificationAsync(HttpClient http, string tenant, Guid journeyId, SampleHostFactory host)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var journey = await ReadAsync(await http.GetAsync($"/api/v1/tenants/{tenant}/journeys/{journeyId}", Token));
            if (journey["timeline"]!.AsArray().FirstOrDefault(e => (string?)e!["type"] == "SafetyAlertNotified") is { } notified)
            {
                return notified["data"]!;
            }

            // Generous: under CI every test project runs at once on two cores, and the notification is a job after the commit.
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"The safety alert on {tenant}'s journey was not notified within 90 s. The host said:\n{host.Problems}");
            await Task.Delay(250, Token);
        }
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
