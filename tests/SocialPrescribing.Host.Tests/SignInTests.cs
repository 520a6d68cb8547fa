using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>People sign in: authorization code with PKCE through the host's own pages, refresh, second factor, tenant choice, reset, invitation.</summary>
public sealed partial class SignInTests(SignInFixture fixture) : IClassFixture<SignInFixture>
{
    private const string Password = "Correct-horse-42";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private SignInBrowser Browser(string? acceptLanguage = null) => new(fixture.Factory, acceptLanguage);

    [Fact]
    public async Task A_person_signs_in_with_code_and_pkce_uses_the_api_and_each_refresh_token_works_once()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();

        var (_, page) = await browser.SignInPageAsync();
        Assert.Contains("<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"userName\">User name</label>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", page, StringComparison.Ordinal);
        using var signedIn = await browser.SubmitAsync(page, ("userName", user), ("password", Password));
        var code = await browser.CodeAsync(SignInBrowser.Location(signedIn));
        using var redeemed = await browser.RedeemAsync(code);
        var tokens = await SignInBrowser.JsonAsync(redeemed);

        var access = tokens["access_token"]!.GetValue<string>();
        var claims = SignInBrowser.Claims(access);
        Assert.Equal(user, claims["sub"]!.GetValue<string>());
        Assert.Equal("Person " + user, claims["name"]!.GetValue<string>());
        Assert.Equal("ab", claims[AccessClaims.Tenant]!.GetValue<string>());
        Assert.Equal(AccessRoles.LinkWorker, RolesOf(claims).Single());
        Assert.Equal(AccessClaims.ApiAudience, claims["aud"]!.ToString());
        Assert.NotNull(tokens["id_token"]);
        using (var caseload = await browser.ApiAsync(Api.Journeys(), access))
        {
            Assert.Equal(HttpStatusCode.OK, caseload.StatusCode);
        }

        var first = tokens["refresh_token"]!.GetValue<string>();
        using var refreshed = await browser.RefreshAsync(first);
        var renewed = await SignInBrowser.JsonAsync(refreshed);
        Assert.NotEqual(first, renewed["refresh_token"]!.GetValue<string>());
        using (var withRenewed = await browser.ApiAsync(Api.Journeys(), renewed["access_token"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.OK, withRenewed.StatusCode);
        }

        using var spent = await browser.RefreshAsync(first);
        Assert.Equal("invalid_grant", (await SignInBrowser.JsonAsync(spent, HttpStatusCode.BadRequest))["error"]!.GetValue<string>());

        using var chain = await browser.RefreshAsync(renewed["refresh_token"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await SignInBrowser.JsonAsync(chain, HttpStatusCode.BadRequest))["error"]!.GetValue<string>());

        // A code used twice is refused, and what it gave is revoked (RFC 6749 §4.1.2): someone else may hold it.
        using var again = await browser.RedeemAsync(code);
        Assert.Equal("invalid_grant", (await SignInBrowser.JsonAsync(again, HttpStatusCode.BadRequest))["error"]!.GetValue<string>());
        Assert.Contains(fixture.Events, e => e.Kind == "signed-in" && e.Event.UserName == user && e.Event.Tenant == "ab");
    }

    [Fact]
    public async Task The_code_is_refused_without_its_verifier()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var code = await browser.CodeAsync(await browser.SignInAsync(user, Password));

        using var refused = await browser.RedeemAsync(code, verifier: (browser.Verifier[0] == 'a' ? "b" : "a") + browser.Verifier[1..]);

        Assert.Equal("invalid_grant", (await SignInBrowser.JsonAsync(refused, HttpStatusCode.BadRequest))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_at_the_field_and_signs_no_one_in()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();

        var (_, page) = await browser.SignInPageAsync();
        using var refused = await browser.SubmitAsync(page, ("userName", user), ("password", "Wrong-password-42"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync(Token);
        Assert.Contains("<p id=\"password-error\" class=\"error\">The user name or password is not right.</p>", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"password\"[^>]* aria-invalid=\"true\" aria-describedby=\"password-error\"", html);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-password-42", html, StringComparison.Ordinal);
        await browser.SignInPageAsync();
        Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.UserName == user && e.Event.Reason == SignInFailure.Password && e.Event.RequestId.Length > 0);
    }

    [Fact]
    public async Task Sign_ins_and_refusals_are_in_the_tenants_audit_log_with_address_and_request()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var (_, first) = await browser.SignInPageAsync();
        using (var refused = await browser.SubmitAsync(first, ("userName", user), ("password", "Wrong-password-42")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        var (_, second) = await browser.SignInPageAsync();
        using (var accepted = await browser.SubmitAsync(second, ("userName", user), ("password", Password)))
        {
            Assert.True((int)accepted.StatusCode is >= 200 and < 400, $"{accepted.StatusCode}");
        }

        await fixture.Factory.Services.GetRequiredService<Application.Audit.AuditWriter>().FlushAsync();
        var page = await fixture.Factory.Services.GetRequiredService<SocialPrescribing.Storage.IAuditLog>().QueryAsync(
            SocialPrescribing.Abstractions.TenantId.Parse("ab"), new SocialPrescribing.Storage.AuditQuery { Actor = user, Category = "sign-in" }, Token);
        Assert.Equal([("password", "denied"), ("sign-in", "allowed")], page.Items.Select(i => (i.Entry.Action, i.Entry.Outcome)));
        Assert.All(page.Items, i => Assert.False(string.IsNullOrEmpty(i.Entry.RequestId)));
        Assert.All(page.Items, i => Assert.Null(i.Entry.JourneyId));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var (_, page) = await browser.SignInPageAsync();

        using var refused = await browser.SubmitAsync(page, ("userName", user), ("password", Password), ("__RequestVerificationToken", "forged"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The form has expired", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Events, e => e.Event.UserName == user);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_then_even_the_right_password_is_refused()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var (signInUrl, _) = await browser.SignInPageAsync();

        for (var attempt = 1; attempt <= SignInFixture.MaxFailedAttempts; attempt++)
        {
            using var wrong = await browser.SubmitAsync(await browser.PageAsync(signInUrl), ("userName", user), ("password", $"Wrong-password-{attempt}"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await browser.SubmitAsync(await browser.PageAsync(signInUrl), ("userName", user), ("password", Password));

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("this account is locked", await right.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(2, fixture.Events.Count(e => e.Kind == "locked-out" && e.Event.UserName == user));
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<UserAccount>>().FindByNameAsync(user);
        Assert.True(account!.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Attempts_over_the_per_account_limit_are_429_with_retry_after_whatever_the_password()
    {
        var name = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var browser = Browser();
        var page = await browser.PageAsync("/account/signin");
        for (var attempt = 0; attempt < SignInFixture.AttemptsPerMinute; attempt++)
        {
            using var counted = await browser.SubmitAsync(page, ("userName", name), ("password", "Whatever-123456"));
            Assert.Equal(HttpStatusCode.BadRequest, counted.StatusCode);
        }

        using var limited = await browser.SubmitAsync(page, ("userName", name.ToUpperInvariant()), ("password", "Whatever-123456"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many attempts for this account", await limited.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.Reason == SignInFailure.RateLimited);
    }

    [Fact]
    public async Task A_person_enrols_an_authenticator_then_needs_its_code_to_sign_in()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.Supervisor));
        string key;
        using (var browser = Browser())
        {
            await browser.CodeAsync(await browser.SignInAsync(user, Password));
            var setup = await browser.PageAsync("/account/two-factor/setup");
            key = KeyOf().Match(setup).Groups[1].Value;
            Assert.Contains($"otpauth://totp/", setup, StringComparison.Ordinal);
            Assert.Contains($"secret={key}", setup, StringComparison.Ordinal);
            using var turnedOn = await browser.SubmitAsync(setup, ("code", Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow))));
            var done = await turnedOn.Content.ReadAsStringAsync(Token);
            Assert.True(turnedOn.StatusCode == HttpStatusCode.OK, done);
            Assert.Contains("Two-step verification is on.", done, StringComparison.Ordinal);
        }

        using var later = Browser();
        var secondStep = await later.SignInAsync(user, Password);
        Assert.StartsWith("/account/two-factor?", secondStep, StringComparison.Ordinal);
        await later.SignInPageAsync();
        var codePage = await later.PageAsync(secondStep);
        Assert.Contains("autocomplete=\"one-time-code\"", codePage, StringComparison.Ordinal);
        using var wrong = await later.SubmitAsync(codePage, ("code", Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow) - 40)));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        // The next step's code: accepted within the window, and never the one the enrolment just used.
        using var right = await later.SubmitAsync(codePage, ("code", Totp.Code(key, Totp.StepAt(DateTimeOffset.UtcNow) + 1)));
        var code = await later.CodeAsync(SignInBrowser.Location(right));
        using var tokens = await later.RedeemAsync(code);
        Assert.Equal(user, SignInBrowser.Claims((await SignInBrowser.JsonAsync(tokens))["access_token"]!.GetValue<string>())["sub"]!.GetValue<string>());
        Assert.Contains(fixture.Events, e => e.Kind == "failed" && e.Event.UserName == user && e.Event.Reason == SignInFailure.SecondFactor);
    }

    [Fact]
    public async Task A_person_with_roles_in_two_tenants_chooses_one_and_the_token_carries_only_it()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker), ("on", AccessRoles.Supervisor));
        using var browser = Browser();

        using var toChoice = await browser.GetAsync(await browser.SignInAsync(user, Password));
        var choiceUrl = SignInBrowser.Location(toChoice);
        Assert.StartsWith("/account/tenant?", choiceUrl, StringComparison.Ordinal);
        var page = await browser.PageAsync(choiceUrl);
        Assert.Contains("value=\"ab\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"on\"", page, StringComparison.Ordinal);
        Assert.Contains("<legend>", page, StringComparison.Ordinal);
        using var none = await browser.SubmitAsync(page);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var elsewhere = await browser.SubmitAsync(page, ("tenant", "zz"));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        using var chosen = await browser.SubmitAsync(page, ("tenant", "on"));
        using var tokens = await browser.RedeemAsync(await browser.CodeAsync(SignInBrowser.Location(chosen)));

        var access = (await SignInBrowser.JsonAsync(tokens))["access_token"]!.GetValue<string>();
        var claims = SignInBrowser.Claims(access);
        Assert.Equal("on", claims[AccessClaims.Tenant]!.GetValue<string>());
        Assert.Equal([AccessRoles.Supervisor], RolesOf(claims));
        using var own = await browser.ApiAsync(Api.Journeys("on"), access);
        using var other = await browser.ApiAsync(Api.Journeys("ab"), access);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_with_the_link_sent_to_the_person_once()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var forgot = await browser.PageAsync("/account/forgot");

        using var unknown = await browser.SubmitAsync(forgot, ("userName", "no-such-" + user));
        using var asked = await browser.SubmitAsync(forgot, ("userName", user));

        var sameAnswer = "If an account has this name, a link to reset its password has been sent";
        Assert.Contains(sameAnswer, await unknown.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains(sameAnswer, await asked.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var link = Assert.Single(fixture.Links, l => l.UserName == user);
        Assert.Equal(AccountLinkKind.PasswordReset, link.Kind);
        Assert.DoesNotContain(fixture.Links, l => l.UserName == "no-such-" + user);
        Assert.InRange(link.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));

        var resetPage = await browser.PageAsync(link.Url.PathAndQuery);
        using var differ = await browser.SubmitAsync(resetPage, ("newPassword", "New-password-2027"), ("confirmPassword", "New-password-2028"));
        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        using var weak = await browser.SubmitAsync(resetPage, ("newPassword", "short"), ("confirmPassword", "short"));
        Assert.Contains("At least 12 characters", await weak.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var saved = await browser.SubmitAsync(resetPage, ("newPassword", "New-password-2027"), ("confirmPassword", "New-password-2027"));
        Assert.StartsWith("/account/signin?", SignInBrowser.Location(saved), StringComparison.Ordinal);
        Assert.Contains("Your password is saved", await browser.PageAsync(SignInBrowser.Location(saved)), StringComparison.Ordinal);

        using var reused = await browser.SubmitAsync(resetPage, ("newPassword", "Another-password-2029"), ("confirmPassword", "Another-password-2029"));
        Assert.Contains("This link has expired or has already been used.", await reused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var fresh = Browser();
        using var old = await fresh.SubmitAsync(await fresh.PageAsync("/account/signin"), ("userName", user), ("password", Password));
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Equal(user, SignInBrowser.Claims((await fresh.TokensAsync(user, "New-password-2027"))["access_token"]!.GetValue<string>())["sub"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tenant_admin_invites_a_person_who_chooses_a_password_and_signs_in()
    {
        var invited = "invited-" + Guid.NewGuid().ToString("N")[..8];
        using var api = fixture.Factory.CreateClient();
        using var response = await InviteAsync(api, new { userName = invited, displayName = "Amélie Roy", roles = new[] { AccessRoles.LinkWorker }, language = "fr" });

        var body = await SignInBrowser.JsonAsync(response, HttpStatusCode.Created);
        Assert.True(body["invited"]!.GetValue<bool>());
        Assert.Equal([AccessRoles.LinkWorker], body["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.DoesNotContain("code", body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        var first = Assert.Single(fixture.Links, l => l.UserName == invited);
        Assert.Equal((AccountLinkKind.Invitation, "ab"), (first.Kind, first.Tenant));
        using var resent = await InviteAsync(api, new { userName = invited, displayName = "Amélie Roy", roles = new[] { AccessRoles.LinkWorker }, language = "fr" });
        Assert.True((await SignInBrowser.JsonAsync(resent, HttpStatusCode.Created))["invited"]!.GetValue<bool>());
        var link = fixture.Links.Where(l => l.UserName == invited).Last();
        Assert.NotEqual(first.Url, link.Url);

        using var browser = Browser();
        using var before = await browser.SubmitAsync(await browser.PageAsync("/account/signin"), ("userName", invited), ("password", "Any-password-2027"));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        var page = await browser.PageAsync(link.Url.PathAndQuery);
        Assert.Contains("<html lang=\"fr\">", page, StringComparison.Ordinal);
        Assert.Contains("Bienvenue", page, StringComparison.Ordinal);
        using var accepted = await browser.SubmitAsync(page, ("newPassword", "Chosen-password-2027"), ("confirmPassword", "Chosen-password-2027"));
        Assert.StartsWith("/account/signin?", SignInBrowser.Location(accepted), StringComparison.Ordinal);
        using var again = await browser.SubmitAsync(page, ("newPassword", "Other-password-2027"), ("confirmPassword", "Other-password-2027"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        using var earlier = await browser.SubmitAsync(await browser.PageAsync(first.Url.PathAndQuery), ("newPassword", "Other-password-2027"), ("confirmPassword", "Other-password-2027"));
        Assert.Contains("Ce lien a expiré ou a déjà été utilisé.", await earlier.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        using var signIn = Browser();
        var claims = SignInBrowser.Claims((await signIn.TokensAsync(invited, "Chosen-password-2027"))["access_token"]!.GetValue<string>());
        Assert.Equal(("ab", "Amélie Roy"), (claims[AccessClaims.Tenant]!.GetValue<string>(), claims["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Invitations_are_for_tenant_admins_grant_no_operator_role_and_send_no_link_for_an_existing_account()
    {
        var existing = await fixture.AddUserAsync(Password, ("on", AccessRoles.LinkWorker));
        using var api = fixture.Factory.CreateClient();

        using var asWorker = await InviteAsync(api, new { userName = "x-" + Guid.NewGuid().ToString("N")[..8], displayName = "X", roles = new[] { AccessRoles.LinkWorker } }, AccessRoles.LinkWorker);
        using var asOperator = await InviteAsync(api, new { userName = "y-" + Guid.NewGuid().ToString("N")[..8], displayName = "Y", roles = new[] { AccessRoles.Operator } });
        using var badName = await InviteAsync(api, new { userName = "has space", displayName = "Z", roles = new[] { AccessRoles.LinkWorker } });
        using var known = await InviteAsync(api, new { userName = existing, displayName = "Ignored", roles = new[] { AccessRoles.Referrer } });

        await Api.ProblemAsync(asWorker, HttpStatusCode.Forbidden);
        Assert.Contains("roles", (await Api.ProblemAsync(asOperator, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("userName", (await Api.ProblemAsync(badName, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        var body = await SignInBrowser.JsonAsync(known);
        Assert.False(body["invited"]!.GetValue<bool>());
        Assert.DoesNotContain(fixture.Links, l => l.UserName == existing);
        using var browser = Browser();
        var code = await browser.CodeAsync(await browser.SignInAsync(existing, Password, browser.AuthorizeUrl(("tenant", "ab"))));
        using var tokens = await browser.RedeemAsync(code);
        var claims = SignInBrowser.Claims((await SignInBrowser.JsonAsync(tokens))["access_token"]!.GetValue<string>());
        Assert.Equal(("ab", AccessRoles.Referrer), (claims[AccessClaims.Tenant]!.GetValue<string>(), RolesOf(claims).Single()));
    }

    [Fact]
    public async Task Pages_are_in_french_when_asked_by_the_client_the_browser_or_the_switch_link()
    {
        using var french = Browser("fr-CA,fr;q=0.9,en;q=0.5");
        using var english = Browser();

        var byBrowser = await french.PageAsync("/account/signin");
        var (_, byClientPage) = await english.SignInPageAsync(english.AuthorizeUrl(("ui_locales", "fr-CA")));
        var switched = await french.PageAsync("/account/signin?lang=en");

        Assert.Contains("<html lang=\"fr\">", byBrowser, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mot de passe</label>", byBrowser, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"en\">English</a>", byBrowser, StringComparison.Ordinal);
        Assert.Contains("<title>Connexion – Prescription sociale</title>", byClientPage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", switched, StringComparison.Ordinal);
        Assert.Contains("hreflang=\"fr\">Français</a>", switched, StringComparison.Ordinal);
        using var wrong = await french.SubmitAsync(byBrowser, ("userName", "personne"), ("password", "Mauvais-mot-2027"));
        Assert.Contains("Le nom d’utilisateur ou le mot de passe est incorrect.", await wrong.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorization_requests_without_pkce_with_plain_pkce_or_an_unregistered_redirect_are_refused()
    {
        using var browser = Browser();

        using var missing = await browser.GetAsync(browser.AuthorizeUrl(("code_challenge", null!), ("code_challenge_method", null!)));
        using var plain = await browser.GetAsync(browser.AuthorizeUrl(("code_challenge", browser.Verifier), ("code_challenge_method", "plain")));
        using var elsewhere = await browser.GetAsync(browser.AuthorizeUrl(("redirect_uri", "https://attacker.test/signed-in")));
        using var unknownClient = await browser.GetAsync(browser.AuthorizeUrl(("client_id", "no-such-console")));

        // OpenIddict answers these itself, before any page, with the error on a 400 and no redirect anywhere.
        foreach (var (refused, error) in new[] { (missing, "ID2029"), (plain, "ID2032"), (elsewhere, "ID2043"), (unknownClient, "ID2052") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Null(refused.Headers.Location);
            var body = await refused.Content.ReadAsStringAsync(Token);
            Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
            Assert.Contains(error, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_discovery_document_names_the_endpoints_and_only_s256()
    {
        using var http = fixture.Factory.CreateClient();
        using var response = await http.GetAsync("/.well-known/openid-configuration", Token);
        var document = await SignInBrowser.JsonAsync(response);

        Assert.EndsWith("/connect/authorize", document["authorization_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/token", document["token_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/logout", document["end_session_endpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["S256"], document["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
        var grants = document["grant_types_supported"]!.AsArray().Select(g => g!.GetValue<string>()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("client_credentials", grants);
        Assert.DoesNotContain("password", grants);
        Assert.DoesNotContain("implicit", grants);
    }

    [Fact]
    public async Task Sign_in_pages_are_never_cached_or_framed()
    {
        using var browser = Browser();
        using var response = await browser.GetAsync("/account/signin");

        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_revokes_the_refresh_token()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var tokens = await browser.TokensAsync(user, Password);

        using var loggedOut = await browser.GetAsync($"/connect/logout?client_id={SignInFixture.Console}&post_logout_redirect_uri={Uri.EscapeDataString(SignInFixture.PostLogoutUri)}");

        Assert.StartsWith(SignInFixture.PostLogoutUri, SignInBrowser.Location(loggedOut), StringComparison.Ordinal);
        using var refresh = await browser.RefreshAsync(tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        await browser.SignInPageAsync();
    }

    [Fact]
    public async Task Pruning_removes_spent_codes_and_refresh_tokens_and_keeps_the_live_one()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        var tokens = await browser.TokensAsync(user, Password);
        using var refreshed = await browser.RefreshAsync(tokens["refresh_token"]!.GetValue<string>());
        var live = (await SignInBrowser.JsonAsync(refreshed))["refresh_token"]!.GetValue<string>();

        var (removed, _) = await fixture.Factory.Services.GetRequiredService<Features.Access.TokenPruning>().PruneAsync(DateTimeOffset.UtcNow.AddMinutes(1), Token);

        Assert.True(removed >= 2, $"{removed} removed: the redeemed code and the spent refresh token at least");
        using var stillWorks = await browser.RefreshAsync(live);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Sign_in_logs_and_the_link_outbox_keep_names_and_codes_out_of_the_log()
    {
        var user = await fixture.AddUserAsync(Password, ("ab", AccessRoles.LinkWorker));
        using var browser = Browser();
        using (var wrong = await browser.SubmitAsync(await browser.PageAsync("/account/signin"), ("userName", user), ("password", "Wrong-password-99")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using (var asked = await browser.SubmitAsync(await browser.PageAsync("/account/forgot"), ("userName", user)))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var link = Assert.Single(fixture.Links, l => l.UserName == user);
        var code = QueryHelpers.ParseQuery(link.Url.Query)["code"].ToString();
        var logs = fixture.Logs.AllText;
        Assert.Contains("Sign-in refused: password", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(user, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(code, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(code), logs, StringComparison.Ordinal);
        var written = Directory.GetFiles(fixture.LinkFolder).Select(File.ReadAllText).Single(text => text.Contains(user, StringComparison.Ordinal));
        Assert.Contains(link.Url.AbsoluteUri, written, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(fixture.LinkFolder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    private async Task<HttpResponseMessage> InviteAsync(HttpClient api, object body, string role = AccessRoles.TenantAdmin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants/ab/invitations") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, "ab", "admin-" + role, [role]));
        return await api.SendAsync(request, Token);
    }

    private static List<string> RolesOf(JsonObject claims) =>
        claims["role"] is JsonArray many ? [.. many.Select(r => r!.GetValue<string>())] : [claims["role"]!.GetValue<string>()];

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyOf();
}
