using System.Net;
using Microsoft.Data.Sqlite;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The request line through a real Kestrel (the in-memory test server never parses one): a target over the host's
/// limit is a 414 with problem details, because the host checks before Kestrel's own, higher, limit.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class RequestLineTests : IAsyncLifetime
{
    private readonly JourneyHostFactory _factory = new();
    private HttpClient _http = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var port = FreePort.Next();
        _factory.UseKestrel(port);
        _factory.StartServer();
        _http = new HttpClient(new TenantTokenHandler(_factory.DataDirectory) { InnerHandler = new HttpClientHandler() });
        _http.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolders.Delete(_factory.DataDirectory);
    }

    [Fact]
    public async Task A_ten_thousand_character_query_is_a_414_with_problem_details()
    {
        var response = await _http.GetAsync($"/api/v1/tenants/ab/journeys?linkWorker={new string('x', 10_000)}", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Equal("Request target too long.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_long_query_within_the_limit_reaches_the_api()
    {
        var response = await _http.GetAsync($"/api/v1/tenants/ab/journeys?linkWorker={new string('x', 7_000)}", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("linkWorker"));
    }

    [Fact]
    public async Task An_encoded_nul_in_the_query_reaches_the_api_and_is_a_400_naming_the_parameter()
    {
        var response = await _http.GetAsync("/api/v1/tenants/ab/reports/outcomes?from=%00", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("from"));
    }

    [Fact]
    public async Task An_encoded_nul_in_the_path_is_refused_by_kestrel_with_problem_details()
    {
        // Kestrel refuses a path that decodes to a NUL while parsing the request line, before any middleware; the
        // host gives its bodiless 400 a problem details body on the way out.
        var response = await _http.GetAsync("/api/v1/tenants/ab/journeys/%00", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Bad request.", problem["title"]!.GetValue<string>());
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_request_line_over_kestrels_own_limit_is_a_414_with_problem_details_that_echo_nothing()
    {
        // Four times the host's limit is over Kestrel's line limit, which Kestrel refuses before the host's check.
        var marker = "needle" + new string('x', 40_000);
        var response = await _http.GetAsync($"/api/v1/tenants/ab/journeys?linkWorker={marker}", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.RequestUriTooLong);
        Assert.Equal("Request target too long.", problem["title"]!.GetValue<string>());
        Assert.DoesNotContain("needle", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_kestrels_limit_are_a_431_with_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants/ab/journeys");
        request.Headers.Add("X-Padding", new string('p', 40_000));
        var response = await _http.SendAsync(request, Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Equal("Request header fields too large.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refused_request_closes_its_connection_and_the_next_one_is_served_normally()
    {
        // A raw socket: two requests on one connection, the first refused by Kestrel. The refusal carries its body
        // and closes the connection, so the second never runs on it; a new connection is served as usual.
        using (var client = new System.Net.Sockets.TcpClient())
        {
            await client.ConnectAsync(_http.BaseAddress!.Host, _http.BaseAddress.Port, Token);
            var stream = client.GetStream();
            var requests = "GET /health/%00 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray();
            await stream.WriteAsync(requests, Token);
            using var reader = new StreamReader(stream);
            var answer = await reader.ReadToEndAsync(Token);

            Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", answer, StringComparison.Ordinal);
            Assert.Contains("Content-Type: application/problem+json\r\n", answer, StringComparison.Ordinal);
            Assert.Contains("Connection: close\r\n", answer, StringComparison.Ordinal);
            var body = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
            Assert.Equal(400, System.Text.Json.Nodes.JsonNode.Parse(body)!["status"]!.GetValue<int>());
            Assert.DoesNotContain("HTTP/1.1 200", answer, StringComparison.Ordinal);
        }

        var next = await _http.GetAsync("/health/live", Token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_with_problem_details()
    {
        var response = await _http.GetAsync("/api/v1/nothing-here", Token);

        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
