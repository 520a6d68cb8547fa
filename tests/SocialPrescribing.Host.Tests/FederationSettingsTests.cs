using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialPrescribing.Host.Features.Federation;

namespace SocialPrescribing.Host.Tests;

/// <summary>A tenant's federation settings are checked at start-up, each mistake named by its key.</summary>
public sealed class FederationSettingsTests
{
    private static readonly Dictionary<string, string?> Good = new()
    {
        ["ab:DisplayName"] = "Alberta",
        ["ab:Federation:Authority"] = "https://login.example.org/",
        ["ab:Federation:ClientId"] = "sp",
        ["ab:Federation:DisplayName"] = "Alberta Health Services",
        ["ab:Federation:RoleMap:care-coordinators"] = "link-worker",
        ["ab:Federation:RoleMap:leads"] = "link-worker, supervisor",
        ["on:DisplayName"] = "Ontario",
    };

    [Fact]
    public void Good_settings_give_one_scheme_per_federated_tenant_with_the_defaults()
    {
        var directory = Read(Good, allowHttp: false);

        var ab = Assert.Single(directory.All);
        Assert.Equal("oidc-ab", ab.Scheme);
        Assert.Equal("sub", ab.SubjectClaim);
        Assert.Equal("role", ab.RoleClaim);
        Assert.Equal("form_post", ab.ResponseMode);
        Assert.False(ab.CreateAccounts);
        Assert.True(ab.LocalPasswords);
        Assert.Equal(["link-worker", "supervisor"], ab.RolesFor(["leads", "care-coordinators", "unknown-group"]));
        Assert.Empty(ab.RolesFor(["unknown-group"]));
        Assert.True(directory.AllowsLocalPasswords("on"));
    }

    [Fact]
    public void Each_mistake_is_named_by_its_key()
    {
        var settings = new Dictionary<string, string?>(Good)
        {
            ["ab:Federation:Authority"] = "http://login.example.org/",
            ["ab:Federation:ClientId"] = null,
            ["ab:Federation:RoleMap:ops"] = "operator",
            ["ab:Federation:Provisioning"] = "invite",
            ["ab:Federation:ResponseMode"] = "fragment",
            ["on:Federation:DisplayName"] = "Ontario Health",
        };

        var error = Assert.Throws<OptionsValidationException>(() => Read(settings, allowHttp: false)).Message;

        Assert.Contains("Tenants:ab:Federation:Authority 'http://login.example.org/' is http", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:ab:Federation:ClientId is required", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:ab:Federation:RoleMap:ops 'operator' must name one or more of", error, StringComparison.Ordinal);
        Assert.Contains("(never operator)", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:ab:Federation:Provisioning 'invite' is not one of match-only, create", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:ab:Federation:ResponseMode 'fragment'", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:on:Federation:Authority is required", error, StringComparison.Ordinal);
        Assert.Contains("Tenants:on:Federation:RoleMap is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_is_allowed_in_development_and_testing_only()
    {
        var settings = new Dictionary<string, string?>(Good) { ["ab:Federation:Authority"] = "http://127.0.0.1:5081/" };

        Assert.Single(Read(settings, allowHttp: true).All);
        Assert.Throws<OptionsValidationException>(() => Read(settings, allowHttp: false));
    }

    [Fact]
    public async Task A_production_host_refuses_to_start_with_an_http_authority_and_says_which_key()
    {
        var data = TempFolders.New("sp-data");
        try
        {
            var (exitCode, output) = await HostCommand.RunAsync(
                AppContext.BaseDirectory,
                HostCommand.Dll, "--environment", "Production", "--Storage:DataDirectory", data,
                "--Tenants:ab:Federation:Authority", "http://login.example.org/", "--Tenants:ab:Federation:ClientId", "sp",
                "--Tenants:ab:Federation:DisplayName", "Alberta Health Services", "--Tenants:ab:Federation:RoleMap:staff", "link-worker",
                "users", "list");

            Assert.NotEqual(0, exitCode);
            Assert.Contains("Tenants:ab:Federation:Authority 'http://login.example.org/' is http", output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private static FederationDirectory Read(Dictionary<string, string?> settings, bool allowHttp) =>
        FederationDirectory.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), allowHttp);
}
