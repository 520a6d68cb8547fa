using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;

namespace SocialPrescribing.Host.Tests;

/// <summary>The front door: security headers on every answer, and rate limits answered with 429 problem details.</summary>
public sealed class EdgeTests : IAsyncLifetime
{
    private readonly JourneyHostFactory _factory = new(settings: new Dictionary<string, string>
    {
        ["Edge:ReferralsPerMinute"] = "2",
        ["Edge:TokenRequestsPerMinute"] = "1",
    });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolders.Delete(_factory.DataDirectory);
    }

    [Fact]
    public async Task Api_answers_are_never_cached_or_framed_and_declare_their_type()
    {
        using var http = _factory.CreateAuthenticatedClient();

        using var response = await http.GetAsync(Api.Journeys(), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referrals_over_the_callers_limit_are_429_problems_with_retry_after_and_store_nothing()
    {
        using var http = _factory.CreateAuthenticatedClient();
        await Api.CreateJourneyAsync(http);
        await Api.CreateJourneyAsync(http);

        using var refused = await http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral("Refused"), Token);

        var problem = await Api.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", problem["title"]!.GetValue<string>());
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var caseload = await http.GetAsync(Api.Journeys(), Token);
        Assert.Equal(2, (await Api.ReadAsync(caseload))["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Token_requests_over_the_limit_are_429_problems()
    {
        using var http = _factory.CreateClient();
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "wrong" };

        using var first = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form), Token);
        using var second = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form), Token);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        await Api.ProblemAsync(second, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Client_credentials_requests_over_one_clients_limit_are_429_while_another_client_goes_on()
    {
        var factory = new JourneyHostFactory(settings: new Dictionary<string, string>
        {
            ["Edge:TokenRequestsPerMinute"] = "1000",
            ["Edge:TokenRequestsPerClientPerMinute"] = "1",
        });
        try
        {
            using var http = factory.CreateClient();
            static FormUrlEncodedContent Form(string client) =>
                new(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = client, ["client_secret"] = "wrong" });

            using var first = await http.PostAsync("/connect/token", Form("emr-a"), Token);
            using var again = await http.PostAsync("/connect/token", Form("emr-a"), Token);
            using var basic = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }) };
            basic.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("emr-a:wrong")));
            using var asBasic = await http.SendAsync(basic, Token);
            using var other = await http.PostAsync("/connect/token", Form("emr-b"), Token);

            Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
            await Api.ProblemAsync(again, HttpStatusCode.TooManyRequests);
            await Api.ProblemAsync(asBasic, HttpStatusCode.TooManyRequests);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        }
        finally
        {
            await factory.DisposeAsync();
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(factory.DataDirectory);
        }
    }
}
