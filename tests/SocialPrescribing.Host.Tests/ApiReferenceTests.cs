namespace SocialPrescribing.Host.Tests;

/// <summary>The browsable API reference of a system holding health data sends nothing to anyone else.</summary>
[Collection(HostCollection.Name)]
public sealed class ApiReferenceTests(HostFixture fixture)
{
    [Fact]
    public async Task The_reference_page_has_no_ai_chat_sdk_or_deploy_toolbar_telemetry_or_outside_scripts()
    {
        var page = await fixture.Client.GetStringAsync("/scalar/v1", TestContext.Current.CancellationToken);

        Assert.Contains("\"agent\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"mcp\":{\"disabled\":true}", page, StringComparison.Ordinal);
        Assert.Contains("\"showDeveloperTools\":\"never\"", page, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page, StringComparison.Ordinal);
        Assert.DoesNotContain("proxyUrl", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"//", page, StringComparison.Ordinal);
    }
}
