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
    public async Task An_encoded_nul_in_the_path_is_refused_by_kestrel_before_the_host_with_a_400()
    {
        // Kestrel refuses a path that decodes to a NUL while parsing the request line, before any middleware,
        // and writes the 400 itself without a body: the one refusal the host cannot dress as problem details.
        var response = await _http.GetAsync("/api/v1/tenants/ab/journeys/%00", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_with_problem_details()
    {
        var response = await _http.GetAsync("/api/v1/nothing-here", Token);

        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
