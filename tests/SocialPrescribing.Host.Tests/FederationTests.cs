using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Tenants sign their people in with their own OpenID Connect provider — here a second instance of this host, a real
/// process — and the host then issues its own code and tokens, exactly as after a password.
/// </summary>
public sealed class FederationTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    private const string Password = FederationFixture.Password;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_person_signs_in_at_the_tenants_provider_gets_an_account_with_the_mapped_roles_and_calls_the_api_with_the_hosts_own_token()
    {
        using var browser = new FederationBrowser(fixture);
        var (_, page) = await browser.SignInPageAsync();
        Assert.Contains($">Sign in with {FederationFixture.AbProvider}</a>", page, StringComparison.Ordinal);
        Assert.Contains($">Sign in with {FederationFixture.OnProvider}</a>", page, StringComparison.Ordinal);

        var landing = await browser.SignInAtProviderAsync("ab", "alice", Password);

        Assert.True(landing.Code is not null, $"{landing.Url} {(int)landing.Status}\n{landing.Html}");
        using var redeemed = await browser.RedeemAsync(landing.Code);
        var tokens = await SignInBrowser.JsonAsync(redeemed);
        var access = tokens["access_token"]!.GetValue<string>();
        var claims = SignInBrowser.Claims(access);
        var account = await LinkedAccountAsync("oidc-ab", "alice");
        Assert.NotNull(account);
        Assert.Equal(account.UserName, claims["sub"]!.GetValue<string>());
        Assert.Equal("Provider alice", account.DisplayName);
        Assert.Equal("ab", claims[AccessClaims.Tenant]!.GetValue<string>());
        Assert.Equal([AccessRoles.LinkWorker, AccessRoles.Supervisor], RolesOf(claims));
        // The host's own token: its issuer, its audience; nothing of the provider's reaches the caller.
        Assert.Equal(AccessClaims.DevelopmentIssuer.AbsoluteUri, claims["iss"]!.GetValue<string>());
        Assert.Equal(AccessClaims.ApiAudience, claims["aud"]!.ToString());
        Assert.Equal(AccessClaims.DevelopmentIssuer.AbsoluteUri, SignInBrowser.Claims(tokens["id_token"]!.GetValue<string>())["iss"]!.GetValue<string>());
        using (var caseload = await browser.ApiAsync(Api.Journeys("ab"), access))
        {
            Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);
        }

        Assert.Contains(fixture.Events, e => e.Kind == "signed-in" && e.Event.UserName == account.UserName && e.Event.Tenant == "ab");
    }

    [Fact]
    public async Task A_role_taken_away_and_a_name_changed_at_the_provider_follow_here_at_the_next_sign_in()
    {
        using (var first = new FederationBrowser(fixture))
        {
            var landing = await first.SignInAtProviderAsync("ab", "frank", Password);
            Assert.Equal([AccessRoles.LinkWorker, AccessRoles.Supervisor], await RolesAsync(first, landing));
        }

        Assert.Equal("Provider frank", (await LinkedAccountAsync("oidc-ab", "frank"))!.DisplayName);
        await fixture.RemoveProviderRoleAsync("frank", AccessRoles.Supervisor);
        await fixture.RenameAtProviderAsync("frank", "Frank Renamed");

        using var second = new FederationBrowser(fixture);
        var again = await second.SignInAtProviderAsync("ab", "frank", Password);
        Assert.Equal([AccessRoles.LinkWorker], await RolesAsync(second, again));
        var account = await LinkedAccountAsync("oidc-ab", "frank");
        Assert.Equal("Frank Renamed", account!.DisplayName);
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var held = await scope.ServiceProvider.GetRequiredService<UserDirectory>().TenantsOfAsync(account!, Token);
        Assert.Equal([AccessRoles.LinkWorker], held["ab"]);
    }

    [Fact]
    public async Task A_person_the_provider_gives_no_mapped_role_is_refused_with_a_page_audited_and_gets_no_account()
    {
        using var browser = new FederationBrowser(fixture);

        var landing = await browser.SignInAtProviderAsync("ab", "bob", Password);

        Assert.Equal(HttpStatusCode.Forbidden, landing.Status);
        Assert.Contains($"{FederationFixture.AbProvider} signed you in, but gives you no role in this program.", landing.Html.Replace("&#x2019;", "’", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(await LinkedAccountAsync("oidc-ab", "bob"));
        Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.UserName == "oidc-ab:bob" && e.Event.Tenant == "ab" && e.Event.Reason == SignInFailure.NoMappedRole);
        Assert.Contains(("no-role", "denied"), await AuditAsync("ab", "oidc-ab:bob"));
    }

    [Fact]
    public async Task Match_only_refuses_a_person_without_an_account_here_and_audits_the_refusal()
    {
        using var browser = new FederationBrowser(fixture);

        var landing = await browser.SignInAtProviderAsync("on", "carol", Password);

        Assert.Equal(HttpStatusCode.Forbidden, landing.Status);
        Assert.Contains("you have no account in this program yet", landing.Html, StringComparison.Ordinal);
        Assert.Null(await LinkedAccountAsync("oidc-on", "carol"));
        Assert.Contains(("unknown-person", "denied"), await AuditAsync("on", "oidc-on:carol"));
    }

    [Fact]
    public async Task Match_only_signs_in_an_invited_person_matched_by_address_links_them_and_accepts_the_invitation()
    {
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var invited = await scope.ServiceProvider.GetRequiredService<UserDirectory>().InviteAsync(
                TenantId.Parse("on"), "dave@example.org", "Dave Invited", [AccessRoles.LinkWorker], AccessRoles.TenantGrantable, Token);
            Assert.Null(invited.Problem);
            Assert.True(invited.User!.Disabled);
        }

        using var browser = new FederationBrowser(fixture);
        var landing = await browser.SignInAtProviderAsync("on", "dave@example.org", Password);

        Assert.True(landing.Code is not null, $"{landing.Url} {(int)landing.Status}\n{landing.Html}");
        using var redeemed = await browser.RedeemAsync(landing.Code);
        var claims = SignInBrowser.Claims((await SignInBrowser.JsonAsync(redeemed))["access_token"]!.GetValue<string>());
        Assert.Equal("dave@example.org", claims["sub"]!.GetValue<string>());
        Assert.Equal("on", claims[AccessClaims.Tenant]!.GetValue<string>());
        var account = await LinkedAccountAsync("oidc-on", "dave@example.org");
        Assert.NotNull(account);
        Assert.False(account.Disabled);
        Assert.Equal("Dave Invited", account.DisplayName);
    }

    [Fact]
    public async Task A_password_is_refused_for_an_account_only_of_a_tenant_that_takes_none_and_a_password_session_never_reaches_that_tenant()
    {
        var abOnly = await AddLocalUserAsync(("ab", AccessRoles.LinkWorker));
        using (var browser = new SignInBrowser(fixture.Factory))
        {
            var (_, page) = await browser.SignInPageAsync();
            using var refused = await browser.SubmitAsync(page, ("userName", abOnly), ("password", Password));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("not a password here", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.UserName == abOnly && e.Event.Reason == SignInFailure.PasswordNotUsed);

            using var wrong = await browser.SubmitAsync(await browser.PageAsync((await browser.SignInPageAsync()).Url), ("userName", abOnly), ("password", "Wrong-password-42"));
            Assert.Contains("The user name or password is not right.", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }

        var both = await AddLocalUserAsync(("ab", AccessRoles.LinkWorker), ("on", AccessRoles.LinkWorker));
        using var person = new SignInBrowser(fixture.Factory);
        var tokens = await person.TokensAsync(both, Password);
        Assert.Equal("on", SignInBrowser.Claims(tokens["access_token"]!.GetValue<string>())[AccessClaims.Tenant]!.GetValue<string>());
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData(null)]
    public async Task An_id_token_from_another_issuer_or_for_another_client_is_refused(string? wrong)
    {
        using var browser = new FederationBrowser(fixture);
        var atProvider = QueryHelpers.ParseQuery((await browser.PressProviderButtonAsync("ab")).Query);
        var key = RsaKeyFile.Read(TestTokens.SigningKeyPath(fixture.ProviderData), "the provider's signing key");
        var subject = "forged-" + Guid.NewGuid().ToString("N")[..8];
        // Signed with the provider's real key: only what it says differs.
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = wrong == "issuer" ? "http://127.0.0.1:1/" : fixture.Provider.Address.AbsoluteUri,
            Audience = wrong == "audience" ? "another-client" : FederationFixture.AbClient,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["nonce"] = atProvider["nonce"].ToString(), ["role"] = AccessRoles.LinkWorker },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        using var answered = await browser.PostAsync("http://localhost/account/federated/ab/callback", [new("state", atProvider["state"].ToString()), new("id_token", idToken)]);

        var location = SignInBrowser.Location(answered);
        if (wrong is null)
        {
            Assert.StartsWith("/account/federated/ab/done?", location, StringComparison.Ordinal);
            return;
        }

        Assert.StartsWith("/account/federated/ab/refused?", location, StringComparison.Ordinal);
        var refused = await browser.FollowAsync("http://localhost" + location);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("its answer could not be checked", refused.Html, StringComparison.Ordinal);
        Assert.Null(await LinkedAccountAsync("oidc-ab", subject));
        Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.Tenant == "ab" && e.Event.Reason == SignInFailure.ExternalFailed);
    }

    private static async Task<IReadOnlyList<string>> RolesAsync(FederationBrowser browser, FederationBrowser.Landing landing)
    {
        Assert.True(landing.Code is not null, $"{landing.Url} {(int)landing.Status}\n{landing.Html}");
        using var redeemed = await browser.RedeemAsync(landing.Code);
        return RolesOf(SignInBrowser.Claims((await SignInBrowser.JsonAsync(redeemed))["access_token"]!.GetValue<string>()));
    }

    private static IReadOnlyList<string> RolesOf(System.Text.Json.Nodes.JsonObject claims) =>
        claims["role"] is System.Text.Json.Nodes.JsonArray many ? [.. many.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal)] : [claims["role"]!.GetValue<string>()];

    private async Task<UserAccount?> LinkedAccountAsync(string provider, string subject)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByLoginAsync(provider, subject);
    }

    private async Task<string> AddLocalUserAsync(params (string Tenant, string Role)[] grants)
    {
        var name = "local-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        for (var i = 0; i < grants.Length; i++)
        {
            var result = await directory.AddAsync(TenantId.Parse(grants[i].Tenant), name, "Local " + name, [grants[i].Role], i == 0 ? Password : null, Token);
            Assert.True(result.Succeeded, result.Error);
        }

        return name;
    }

    private async Task<IReadOnlyList<(string Action, string Outcome)>> AuditAsync(string tenant, string actor)
    {
        await fixture.Factory.Services.GetRequiredService<Application.Audit.AuditWriter>().FlushAsync();
        var page = await fixture.Factory.Services.GetRequiredService<SocialPrescribing.Storage.IAuditLog>().QueryAsync(
            TenantId.Parse(tenant), new SocialPrescribing.Storage.AuditQuery { Actor = actor, Category = "sign-in" }, Token);
        return [.. page.Items.Select(i => (i.Entry.Action, i.Entry.Outcome))];
    }
}
