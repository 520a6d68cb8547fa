using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Two hosts: a second instance of this host as the tenants' own OpenID Connect provider (a real process with its
/// own data, clients registered and people added with the operator's commands), and the host under test, whose
/// tenants trust it — <c>ab</c> through a public client with the form_post response mode, creating accounts and
/// taking no passwords; <c>on</c> through a confidential client with the query response mode, matching accounts only.
/// The provider's people hold roles in its own tenant <c>ab</c>; its id tokens carry them as <c>role</c>, which both
/// tenants map.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    public const string Password = "Correct-horse-42";
    public const string AbClient = "sp-rp-ab";
    public const string OnClient = "sp-rp-on";
    public const string OnSecret = "on-web-client-secret-0123456789";
    public const string AbProvider = "Alberta Health Services";
    public const string OnProvider = "Ontario Health atHome";

    /// <summary>People at the provider, each with their roles in its tenant ab.</summary>
    public static readonly IReadOnlyList<(string User, string Roles)> People =
    [
        ("alice", "link-worker,supervisor"),
        ("bob", "referrer"),
        ("carol", "link-worker"),
        ("dave@example.org", "link-worker"),
        ("erin", "link-worker"),
        ("frank", "link-worker,supervisor"),
    ];

    public string ProviderData { get; } = TempFolders.New("sp-idp");

    internal HostProcess Provider { get; private set; } = null!;

    public JourneyHostFactory Factory { get; private set; } = null!;

    public ConcurrentQueue<(string Kind, SignInEvent Event)> Events { get; } = new();

    public async ValueTask InitializeAsync()
    {
        string[] storage = ["--Storage:Provider", "sqlite", "--Storage:DataDirectory", ProviderData];
        await CommandAsync(["clients", "add", "--public", "--client", AbClient, "--redirect-uri", "http://localhost/account/federated/ab/callback", .. storage]);
        await CommandAsync(["clients", "add", "--web", "--client", OnClient, "--secret", OnSecret, "--redirect-uri", "http://localhost/account/federated/on/callback", .. storage]);
        foreach (var (user, roles) in People)
        {
            await CommandAsync(["users", "add", "--tenant", "ab", "--user", user, "--name", "Provider " + user, "--roles", roles, "--password", Password, .. storage]);
        }

        Provider = await HostProcess.StartAsProviderAsync(ProviderData, CancellationToken.None);
        var authority = Provider.Address.AbsoluteUri;
        Factory = new JourneyHostFactory(
            settings: new Dictionary<string, string>
            {
                ["Edge:TokenRequestsPerMinute"] = "100000",
                ["Tenants:ab:Federation:Authority"] = authority,
                ["Tenants:ab:Federation:ClientId"] = AbClient,
                ["Tenants:ab:Federation:DisplayName"] = AbProvider,
                ["Tenants:ab:Federation:Provisioning"] = "create",
                ["Tenants:ab:Federation:LocalPasswords"] = "false",
                ["Tenants:ab:Federation:RoleMap:link-worker"] = "link-worker",
                ["Tenants:ab:Federation:RoleMap:supervisor"] = "supervisor",
                ["Tenants:on:Federation:Authority"] = authority,
                ["Tenants:on:Federation:ClientId"] = OnClient,
                ["Tenants:on:Federation:ClientSecret"] = OnSecret,
                ["Tenants:on:Federation:DisplayName"] = OnProvider,
                ["Tenants:on:Federation:ResponseMode"] = "query",
                // The provider (this host) names people by their sign-in name, which for dave is his address.
                ["Tenants:on:Federation:EmailClaim"] = "sub",
                ["Tenants:on:Federation:RoleMap:link-worker"] = "link-worker",
            },
            services: services =>
            {
                services.RemoveAll<ISignInEvents>();
                services.AddSingleton<ISignInEvents>(sp => new CapturedSignIns(Events, ActivatorUtilities.CreateInstance<Features.Audit.AuditedSignInEvents>(sp)));
            });
        await using var scope = Factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddPublicAsync(SignInFixture.Console, [SignInFixture.RedirectUri], [SignInFixture.PostLogoutUri]);
        Assert.True(added.Succeeded, added.Error);
    }

    /// <summary>Takes a role away from a person at the provider, as its administrator would.</summary>
    public Task RemoveProviderRoleAsync(string user, string role) =>
        ChangeAtProviderAsync("DELETE FROM TenantRoleGrants WHERE Role = $value AND UserId = (SELECT Id FROM AspNetUsers WHERE UserName = $user)", user, role);

    public Task RenameAtProviderAsync(string user, string displayName) =>
        ChangeAtProviderAsync("UPDATE AspNetUsers SET DisplayName = $value WHERE UserName = $user", user, displayName);

    private async Task ChangeAtProviderAsync(string sql, string user, string value)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(ProviderData, "accounts.db")};Pooling=false");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$user", user);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
            TempFolders.Delete(Factory.DataDirectory);
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        TempFolders.Delete(ProviderData);
    }

    private static async Task CommandAsync(string[] arguments)
    {
        var (exitCode, output) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, .. arguments]);
        Assert.True(exitCode == 0, $"{string.Join(' ', arguments)}: {output}");
    }
}
