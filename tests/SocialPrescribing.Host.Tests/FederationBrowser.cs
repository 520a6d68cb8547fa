using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// A browser between two sites: the host under test (in-process, at <c>http://localhost</c>) and the tenants' own
/// provider (a real process). It keeps each site's cookies, follows redirects itself across both, submits the
/// provider's form_post page as a browser's script would, and plays the console's part of the code flow with PKCE.
/// </summary>
internal sealed partial class FederationBrowser : IDisposable
{
    private static readonly Uri Site = new("http://localhost");
    private readonly HttpClient _site;
    private readonly HttpClient _provider;
    private readonly Uri _providerAddress;

    public FederationBrowser(FederationFixture fixture)
    {
        _site = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        _providerAddress = fixture.Provider.Address;
#pragma warning disable CA2000 // The client owns its handler.
        _provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }, disposeHandler: true);
#pragma warning restore CA2000
    }

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Guid.NewGuid().ToString("N");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The console's authorization request at the host under test.</summary>
    public string AuthorizeUrl() => QueryHelpers.AddQueryString("http://localhost/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = SignInFixture.Console,
        ["response_type"] = "code",
        ["redirect_uri"] = SignInFixture.RedirectUri,
        ["scope"] = "openid offline_access api",
        ["state"] = State,
        ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))),
        ["code_challenge_method"] = "S256",
    });

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var (client, target) = Route(url);
        return await client.GetAsync(target, Token);
    }

    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var (client, target) = Route(url);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(target, content, Token);
    }

    /// <summary>The host's sign-in page reached from the console's request: its address and HTML.</summary>
    public async Task<(string Url, string Html)> SignInPageAsync()
    {
        using var toSignIn = await GetAsync(AuthorizeUrl());
        var url = Absolute(Site, SignInBrowser.Location(toSignIn));
        using var page = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return (url, await page.Content.ReadAsStringAsync(Token));
    }

    /// <summary>Presses "Sign in with …" for <paramref name="tenant"/> on the sign-in page: where the host sends the browser (the provider's authorization endpoint).</summary>
    public async Task<Uri> PressProviderButtonAsync(string tenant)
    {
        var (_, page) = await SignInPageAsync();
        var link = WebUtility.HtmlDecode(Regex.Match(page, $"<a class=\"button\" href=\"(/account/federated/{tenant}\\?[^\"]*)\"").Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(link), page);
        using var challenge = await GetAsync(Absolute(Site, link));
        var location = new Uri(SignInBrowser.Location(challenge));
        Assert.Equal(_providerAddress.Authority, location.Authority);
        return location;
    }

    /// <summary>
    /// The whole journey from the console's request: the provider's button, the provider's own sign-in page with the
    /// person's password there, back to the host and on until the browser leaves for the console (a code) or stops at
    /// a page.
    /// </summary>
    public async Task<Landing> SignInAtProviderAsync(string tenant, string user, string password)
    {
        var atProvider = await PressProviderButtonAsync(tenant);
        using var toProviderSignIn = await GetAsync(atProvider.AbsoluteUri);
        var signInUrl = Absolute(_providerAddress, SignInBrowser.Location(toProviderSignIn));
        using var providerPage = await GetAsync(signInUrl);
        var html = await providerPage.Content.ReadAsStringAsync(Token);
        Assert.True(providerPage.StatusCode == HttpStatusCode.OK, html);
        using var signedIn = await SubmitAsync(_providerAddress, html, ("userName", user), ("password", password));
        return await FollowAsync(Absolute(_providerAddress, SignInBrowser.Location(signedIn)));
    }

    /// <summary>Follows redirects (and the provider's self-submitting form_post page) across both sites until the console's address or a page.</summary>
    public async Task<Landing> FollowAsync(string url)
    {
        for (var hops = 0; hops < 20; hops++)
        {
            if (url.StartsWith(SignInFixture.RedirectUri, StringComparison.Ordinal))
            {
                var query = QueryHelpers.ParseQuery(new Uri(url).Query);
                Assert.Equal(State, query["state"].ToString());
                return new Landing(url, HttpStatusCode.Redirect, string.Empty, query["code"].ToString());
            }

            using var response = await GetAsync(url);
            var from = new Uri(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                url = Absolute(from, response.Headers.Location!.OriginalString);
                continue;
            }

            var html = await response.Content.ReadAsStringAsync(Token);
            if (response.StatusCode == HttpStatusCode.OK && html.Contains("document.form.submit()", StringComparison.Ordinal))
            {
                // A browser runs the page's script only when the page's policy allows it.
                var script = InlineScript().Match(html).Groups[1].Value;
                var digest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
                Assert.Contains($"script-src 'sha256-{digest}'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
                var action = WebUtility.HtmlDecode(FormPostAction().Match(html).Groups[1].Value);
                using var posted = await PostAsync(action, Inputs(html));
                url = Absolute(new Uri(action), SignInBrowser.Location(posted));
                continue;
            }

            return new Landing(url, response.StatusCode, html, null);
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    public async Task<HttpResponseMessage> RedeemAsync(string code) =>
        await PostAsync("http://localhost/connect/token", [
            new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", SignInFixture.RedirectUri),
            new("code_verifier", Verifier), new("client_id", SignInFixture.Console)]);

    public async Task<HttpResponseMessage> ApiAsync(string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return await _site.SendAsync(request, Token);
    }

    public void Dispose()
    {
        _site.Dispose();
        _provider.Dispose();
    }

    private async Task<HttpResponseMessage> SubmitAsync(Uri site, string page, params (string Name, string Value)[] fields)
    {
        var action = WebUtility.HtmlDecode(SiteFormAction().Match(page).Groups[1].Value);
        var form = Inputs(page).ToDictionary(f => f.Key, f => f.Value);
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await PostAsync(Absolute(site, action), form);
    }

    private (HttpClient Client, string Target) Route(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        return uri.Authority == _providerAddress.Authority ? (_provider, uri.AbsoluteUri) : (_site, uri.PathAndQuery);
    }

    private static string Absolute(Uri from, string location) => new Uri(from, location).AbsoluteUri;

    private static List<KeyValuePair<string, string>> Inputs(string html) =>
        [.. HiddenInput().Matches(html).Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))
            .DistinctBy(f => f.Key)];

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex SiteFormAction();

    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*action=\"([^\"]*)\"")]
    private static partial Regex FormPostAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    /// <summary>Where the browser stopped: the page (address, status, HTML), or the console's address and the code it carries.</summary>
    public sealed record Landing(string Url, HttpStatusCode Status, string Html, string? Code);
}
