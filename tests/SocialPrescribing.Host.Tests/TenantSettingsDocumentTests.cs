using System.Text.Json.Nodes;
using SocialPrescribing.Host.Features.Tenants;

namespace SocialPrescribing.Host.Tests;

/// <summary>A plugin's secret settings (keys, secrets, passwords, tokens) never leave the host in an answer or a change record.</summary>
public sealed class TenantSettingsDocumentTests
{
    private const string Stored = """
        {"displayName":"Rides","plugins":{"contoso-rides":{"enabled":true,"settings":{"baseUrl":"https://rides.example","apiKey":"k-123","partner":{"clientSecret":"s-456"}}}}}
        """;

    [Fact]
    public void Secret_settings_are_masked_in_answers_and_kept_when_sent_back_masked()
    {
        var masked = JsonNode.Parse(TenantSettingsDocument.Parse(Stored).Masked().ToJson())!["plugins"]!["contoso-rides"]!["settings"]!;
        Assert.Equal(("https://rides.example", TenantSettingsDocument.Mask, TenantSettingsDocument.Mask),
            (masked["baseUrl"]!.GetValue<string>(), masked["apiKey"]!.GetValue<string>(), masked["partner"]!["clientSecret"]!.GetValue<string>()));

        // Sent back as read, with the address changed: the secrets keep their stored values.
        var sent = TenantSettingsDocument.Parse(TenantSettingsDocument.Parse(Stored).Masked().ToJson());
        sent.Plugins["contoso-rides"].Settings!["baseUrl"] = "https://rides2.example";
        sent.KeepSecretsFrom(TenantSettingsDocument.Parse(Stored));
        var kept = JsonNode.Parse(sent.ToJson())!["plugins"]!["contoso-rides"]!["settings"]!;
        Assert.Equal(("https://rides2.example", "k-123", "s-456"),
            (kept["baseUrl"]!.GetValue<string>(), kept["apiKey"]!.GetValue<string>(), kept["partner"]!["clientSecret"]!.GetValue<string>()));
    }

    [Fact]
    public void A_change_record_says_a_secret_changed_without_its_value()
    {
        var changed = Stored.Replace("k-123", "k-789", StringComparison.Ordinal).Replace("https://rides.example", "https://new.example", StringComparison.Ordinal);

        var differences = TenantSettingsDocument.Differences(Stored, changed);

        Assert.Equal(
            [
                new TenantSettingsDifference("plugins.contoso-rides.settings.apiKey", TenantSettingsDocument.Mask, TenantSettingsDocument.Mask),
                new TenantSettingsDifference("plugins.contoso-rides.settings.baseUrl", "\"https://rides.example\"", "\"https://new.example\""),
            ],
            differences);
        Assert.DoesNotContain(TenantSettingsDocument.Differences(null, Stored), d => d.To is not null && (d.To.Contains("k-123", StringComparison.Ordinal) || d.To.Contains("s-456", StringComparison.Ordinal)));
    }
}
