using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// A browser on the host's sign-in pages, driven over HTTP: it keeps cookies, never follows a redirect by itself,
/// fills forms as a person would (with the hidden fields and antiforgery token the page carries), and plays the
/// console's part of the code flow with PKCE.
/// </summary>
internal sealed partial class SignInBrowser(JourneyHostFactory factory, string? acceptLanguage = null) : IDisposable
{
    private readonly HttpClient _http = Create(factory, acceptLanguage);

    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string Challenge => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The console's authorization request: code, PKCE S256, openid offline_access api.</summary>
    public string AuthorizeUrl(params (string Key, string Value)[] extra)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = SignInFixture.Console,
            ["response_type"] = "code",
            ["redirect_uri"] = SignInFixture.RedirectUri,
            ["scope"] = "openid offline_access api",
            ["state"] = State,
            ["code_challenge"] = Challenge,
            ["code_challenge_method"] = "S256",
        };
        foreach (var (key, value) in extra)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query.Where(q => q.Value is not null));
    }

    public Task<HttpResponseMessage> GetAsync(string url) => _http.GetAsync(Local(url), Token);

    /// <summary>Fills the form of <paramref name="page"/> with <paramref name="fields"/> on top of its hidden ones and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, params (string Name, string Value)[] fields)
    {
        var action = WebUtility.HtmlDecode(FormAction().Match(page).Groups[1].Value);
        var form = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (var (name, value) in fields)
        {
            form[name] = value;
        }

        return await _http.PostAsync(action, new FormUrlEncodedContent(form), Token);
    }

    /// <summary>GET, expecting a page; its HTML.</summary>
    public async Task<string> PageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.True(expected == response.StatusCode, $"GET {url}: {(int)response.StatusCode} {response.Headers.Location}\n{html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    /// <summary>Where a redirect goes, asserting it is one.</summary>
    public static string Location(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"expected a redirect, got {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {response.Headers}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The authorization request of someone not signed in: the sign-in page it sends them to, its address and HTML.</summary>
    public async Task<(string Url, string Html)> SignInPageAsync(string? authorizeUrl = null)
    {
        using var toSignIn = await GetAsync(authorizeUrl ?? AuthorizeUrl());
        var url = Location(toSignIn);
        Assert.StartsWith("/account/signin?", url, StringComparison.Ordinal);
        return (url, await PageAsync(url));
    }

    /// <summary>From the authorization request to the sign-in page, then its form with the password: where it sends the person next.</summary>
    public async Task<string> SignInAsync(string userName, string password, string? authorizeUrl = null)
    {
        var (_, page) = await SignInPageAsync(authorizeUrl);
        using var signedIn = await SubmitAsync(page, ("userName", userName), ("password", password));
        return Location(signedIn);
    }

    /// <summary>Follows redirects on the host until one leaves it for the console; the code it carries (after checking the state).</summary>
    public async Task<string> CodeAsync(string location)
    {
        while (!location.StartsWith(SignInFixture.RedirectUri, StringComparison.Ordinal))
        {
            using var next = await GetAsync(location);
            location = Location(next);
        }

        var query = QueryHelpers.ParseQuery(new Uri(location).Query);
        Assert.Equal(State, query["state"].ToString());
        Assert.False(query.ContainsKey("error"), location);
        return query["code"].ToString();
    }

    public async Task<HttpResponseMessage> RedeemAsync(string code, string? verifier = null) =>
        await TokenAsync(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", SignInFixture.RedirectUri), ("code_verifier", verifier ?? Verifier));

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await TokenAsync(("grant_type", "refresh_token"), ("refresh_token", refreshToken));

    /// <summary>The whole sign-in: authorization, password, code, tokens.</summary>
    public async Task<JsonObject> TokensAsync(string userName, string password)
    {
        var code = await CodeAsync(await SignInAsync(userName, password));
        using var tokens = await RedeemAsync(code);
        return await JsonAsync(tokens);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The claims of a JWT (not checked: the host checks tokens; the test reads what they say).</summary>
    public static JsonObject Claims(string jwt) => JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1]))!.AsObject();

    public async Task<HttpResponseMessage> ApiAsync(string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await _http.SendAsync(request, Token);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> TokenAsync(params (string Key, string Value)[] form) =>
        await _http.PostAsync("/connect/token", new FormUrlEncodedContent([.. form.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("client_id", SignInFixture.Console)]), Token);

    private static string Local(string url) =>
        url.StartsWith('/') ? url : new Uri(url, UriKind.Absolute).PathAndQuery;

    private static HttpClient Create(JourneyHostFactory factory, string? acceptLanguage)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (acceptLanguage is not null)
        {
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return http;
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenInput();
}
