using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using SocialPrescribing.Accounts;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>Deny by default: every route needs a valid token for its tenant and a role its policy names.</summary>
[Collection(HostCollection.Name)]
public sealed class AccessTests(HostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Anonymous() => fixture.Factory.CreateClient();

    private string TokenFor(string tenant = "ab", string subject = "access-test", IEnumerable<string>? roles = null, TimeSpan? lifetime = null) =>
        TestTokens.For(fixture.Factory.DataDirectory, tenant, subject, roles, lifetime);

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var http = Anonymous();
        return await http.SendAsync(request, Token);
    }

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_open()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);
        var open = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText ?? "?";
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                open.Add(pattern);
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            Assert.True(policies.Count > 0, $"{pattern} has no policy");
        }

        Assert.All(open, pattern => Assert.True(
            pattern.StartsWith("/health/", StringComparison.Ordinal) || pattern.Contains("openapi", StringComparison.Ordinal)
            || pattern.Contains("scalar", StringComparison.Ordinal) || pattern is "/connect/token" or "/connect/authorize" or "/connect/logout"
            || pattern == "/account" || pattern.StartsWith("/account/", StringComparison.Ordinal)
            || pattern is "/" or "/ops" or "/console/console.css" or "/console/denied",
            $"{pattern} is open"));
    }

    [Fact]
    public async Task Every_api_route_without_a_token_is_a_401_problem_with_a_bearer_challenge()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} API routes found");
        using var http = Anonymous();
        foreach (var endpoint in endpoints)
        {
            var path = Concrete(endpoint.RoutePattern.RawText!);
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : "GET";
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await http.SendAsync(request, Token);

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Fact]
    public async Task The_jobs_dashboard_wants_a_console_session_a_token_does_not_open_it()
    {
        // The dashboards are browser tools behind the console's sign-in (ConsoleTests signs an operator in to them);
        // a bearer token, even an operator's, leads to the sign-in page like no credentials at all.
        using var http = fixture.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var anonymous = await http.GetAsync("/console/ops/jobs/", Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/ops/jobs/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(roles: [AccessRoles.Operator]));
        using var withToken = await http.SendAsync(request, Token);
        using var ops = await http.GetAsync("/ops", Token);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/connect/authorize", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withToken.StatusCode);
        Assert.Contains("/connect/authorize", withToken.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("/console/ops", ops.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_valid_token_reads_its_tenant()
    {
        using var response = await GetAsync(Api.Journeys(), TokenFor());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_routes_are_a_404_as_if_it_did_not_exist()
    {
        var journey = await Api.CreateJourneyAsync(fixture.Client, "on");

        using var list = await GetAsync(Api.Journeys("on"), TokenFor("ab"));
        using var one = await GetAsync($"{Api.Journeys("on")}/{journey}", TokenFor("ab"));

        await Api.ProblemAsync(list, HttpStatusCode.NotFound);
        await Api.ProblemAsync(one, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_role_outside_the_policy_is_a_403_problem()
    {
        using var caseload = await GetAsync(Api.Journeys(), TokenFor(roles: [AccessRoles.Referrer]));
        using var plugins = await GetAsync("/api/v1/plugins", TokenFor(roles: [AccessRoles.LinkWorker]));

        await Api.ProblemAsync(caseload, HttpStatusCode.Forbidden);
        await Api.ProblemAsync(plugins, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_expired_token_is_a_401()
    {
        using var response = await GetAsync(Api.Journeys(), TokenFor(lifetime: TimeSpan.FromMinutes(-5)));

        await Api.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_for_another_issuer_audience_key_or_type_are_401s()
    {
        var key = RsaKeyFile.Read(TestTokens.SigningKeyPath(fixture.Factory.DataDirectory), "test");
        using var strangerRsa = RSA.Create(2048);
        var stranger = new RsaSecurityKey(strangerRsa) { KeyId = "stranger" };
        string[] tokens =
        [
            AccessTokenMinter.Issue(new Uri("https://elsewhere.example.org/"), key, TimeSpan.FromMinutes(5), "x", "x", "ab", [AccessRoles.Supervisor], "c"),
            AccessTokenMinter.Issue(AccessClaims.DevelopmentIssuer, stranger, TimeSpan.FromMinutes(5), "x", "x", "ab", [AccessRoles.Supervisor], "c"),
            WithAudience(AccessClaims.DevelopmentIssuer, key, "another-api"),
            Unsigned(),
        ];

        foreach (var token in tokens)
        {
            using var response = await GetAsync(Api.Journeys(), token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_registered_system_gets_a_token_with_its_credentials_and_acts_in_its_roles_only()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddAsync(TenantId.Parse("ab"), "emr-" + Guid.NewGuid().ToString("N")[..8], [AccessRoles.Referrer], secret, Token);
            Assert.True(added.Succeeded, added.Error);
        }

        var client = (await ClientsAsync()).Last();
        using var http = Anonymous();
        using var refused = await http.PostAsync("/connect/token", Form(client, "not-the-secret"), Token);
        using var granted = await http.PostAsync("/connect/token", Form(client, secret), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var token = (await granted.Content.ReadFromJsonAsync<JsonObject>(Token))!["access_token"]!.GetValue<string>();
        using var referral = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tenants/ab/referrals") { Content = JsonContent.Create(Api.Referral()) };
        referral.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var created = await http.SendAsync(referral, Token);
        using var caseload = await GetAsync(Api.Journeys(), token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, caseload.StatusCode);
        var events = (await created.Content.ReadFromJsonAsync<JsonObject>(Token))!["events"]!.AsArray();
        Assert.Equal(client, events[0]!["actor"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_worker_opens_unassigned_referrals_and_their_own_journeys_but_not_another_workers()
    {
        var mine = "lw-mine-" + Guid.NewGuid().ToString("N")[..6];
        var theirs = "lw-theirs-" + Guid.NewGuid().ToString("N")[..6];
        var unassigned = await Api.CreateJourneyAsync(fixture.Client);
        var own = await Api.CreateJourneyAsync(fixture.Client);
        var other = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, own, "accept", new { linkWorkerId = mine });
        await Api.CommandOkAsync(fixture.Client, other, "accept", new { linkWorkerId = theirs });
        var worker = TokenFor(subject: mine, roles: [AccessRoles.LinkWorker]);

        using var triage = await GetAsync($"{Api.Journeys()}/{unassigned}", worker);
        using var ownJourney = await GetAsync($"{Api.Journeys()}/{own}", worker);
        using var otherJourney = await GetAsync($"{Api.Journeys()}/{other}", worker);
        using var otherDocument = await GetAsync($"{Api.Journeys()}/{other}/documents/plan-summary", worker);

        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownJourney.StatusCode);
        await Api.ProblemAsync(otherJourney, HttpStatusCode.Forbidden);
        await Api.ProblemAsync(otherDocument, HttpStatusCode.Forbidden);

        using var command = new HttpRequestMessage(HttpMethod.Post, $"{Api.Journeys()}/{other}/record-contact") { Content = JsonContent.Create(new { mode = "phone", purpose = "check-in" }) };
        command.Headers.Authorization = new AuthenticationHeaderValue("Bearer", worker);
        using var http = Anonymous();
        using var refused = await http.SendAsync(command, Token);
        await Api.ProblemAsync(refused, HttpStatusCode.Forbidden);
        using var journey = await fixture.Client.GetAsync($"{Api.Journeys()}/{other}", Token);
        Assert.Equal(2, (await Api.ReadAsync(journey))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_link_workers_caseload_is_their_own_and_another_workers_is_refused()
    {
        var mine = "lw-list-" + Guid.NewGuid().ToString("N")[..6];
        var own = await Api.CreateJourneyAsync(fixture.Client);
        var other = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, own, "accept", new { linkWorkerId = mine });
        await Api.CommandOkAsync(fixture.Client, other, "accept", new { linkWorkerId = "lw-someone-else" });
        var worker = TokenFor(subject: mine, roles: [AccessRoles.LinkWorker]);

        using var caseload = await GetAsync(Api.Journeys(), worker);
        using var someoneElses = await GetAsync($"{Api.Journeys()}?linkWorker=lw-someone-else", worker);
        using var triage = await GetAsync($"{Api.Journeys()}?status=referred", worker);

        var rows = (await Api.ReadAsync(caseload))["items"]!.AsArray().Select(r => r!["journeyId"]!.GetValue<Guid>()).ToList();
        Assert.Equal([own], rows);
        await Api.ProblemAsync(someoneElses, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, triage.StatusCode);
    }

    private async Task<List<string>> ClientsAsync()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<ClientRegistry>().ListAsync(TenantId.Parse("ab"), Token)).Select(c => c.ClientId).Where(c => c.StartsWith("emr-", StringComparison.Ordinal))];
    }

    private static FormUrlEncodedContent Form(string client, string secret) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "client_credentials",
        ["client_id"] = client,
        ["client_secret"] = secret,
        ["scope"] = AccessClaims.ApiScope,
    });

    private static string WithAudience(Uri issuer, SecurityKey key, string audience)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.AbsoluteUri,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            TokenType = AccessClaims.JwtType,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = "x", [AccessClaims.Tenant] = "ab", ["role"] = AccessRoles.Supervisor },
        });
    }

    /// <summary>An <c>alg: none</c> token carrying every claim a real one would.</summary>
    private static string Unsigned()
    {
        static string Encode(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return Encode("""{"alg":"none","typ":"at+jwt"}""") + "." +
            Encode($$"""{"iss":"{{AccessClaims.DevelopmentIssuer.AbsoluteUri}}","aud":"{{AccessClaims.ApiAudience}}","sub":"x","sp_tenant":"ab","role":"supervisor","exp":{{expires}}}""") + ".";
    }

    /// <summary>A route pattern with its parameters filled: the tenant ab, a new id for every guid, a word for the rest.</summary>
    private static string Concrete(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:]+)(:[^}]+)?\\}", m => m.Groups[1].Value switch
        {
            "tenant" => "ab",
            var name when m.Groups[2].Value.Contains("guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            _ => "x",
        });
}
