using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

/// <summary>Thin helpers over HttpClient that speak the API's routes; assertions stay in the tests.</summary>
internal static class Api
{
    public const string Tenant = "ab";

    public static object Referral(string givenName = "Marie") => new
    {
        client = new { givenName, familyName = "Tremblay", birthDate = "1948-03-14", postalCode = "T2P 1J9", preferredLanguage = "fr", phone = "403-555-0101" },
        referrer = new { name = "Dr. Amir Patel", organization = "Bow Valley Family Clinic", role = "family physician" },
        source = "family-physician",
        reasons = new[] { "loneliness-and-isolation", "physical-activity" },
        notes = "Widowed last year; keen on walking groups.",
    };

    /// <summary>The sample referral with one field (a dotted path, <c>reasons[0]</c> for an element) replaced.</summary>
    public static string ReferralWith(string field, JsonNode? value)
    {
        var body = JsonSerializer.SerializeToNode(Referral())!;
        var parts = field.Split('.');
        var parent = parts[..^1].Aggregate(body, (node, part) => node[part]!);
        var last = parts[^1];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            parent[last] = value;
        }
        else
        {
            parent[last[..bracket]]![int.Parse(last[(bracket + 1)..^1], CultureInfo.InvariantCulture)] = value;
        }

        return body.ToJsonString();
    }

    public static string Journeys(string tenant = Tenant) => $"/api/v1/tenants/{tenant}/journeys";

    public static async Task<Guid> CreateJourneyAsync(HttpClient http, string tenant = Tenant)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/tenants/{tenant}/referrals", Referral());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync(response);
        return body["journeyId"]!.GetValue<Guid>();
    }

    public static async Task<HttpResponseMessage> CommandAsync(HttpClient http, Guid journeyId, string command, object body, string? idempotencyKey = null, string tenant = Tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Journeys(tenant)}/{journeyId}/{command}")
        {
            Content = JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> RawAsync(HttpClient http, string path, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await http.PostAsync(path, content);
    }

    /// <summary>A body sent as it is written, with an <c>Idempotency-Key</c>.</summary>
    public static async Task<HttpResponseMessage> RawWithKeyAsync(HttpClient http, string path, string body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> CommandOkAsync(HttpClient http, Guid journeyId, string command, object body)
    {
        var response = await CommandAsync(http, journeyId, command, body);
        var json = await ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{command}: {(int)response.StatusCode} {json}");
        return json;
    }

    public static async Task<JsonObject> GetJourneyAsync(HttpClient http, Guid journeyId, string tenant = Tenant)
    {
        var response = await http.GetAsync($"{Journeys(tenant)}/{journeyId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, string path) => http.GetAsync(path);

    public static Task<HttpResponseMessage> GetAsync(HttpClient http, Uri path) => http.GetAsync(path);

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);

    /// <summary>A request sent as <paramref name="actor"/> (a token for that user; see <see cref="TenantTokenHandler"/>).</summary>
    public static async Task<HttpResponseMessage> CommandAsAsync(HttpClient http, string actor, Guid journeyId, string command, object body, string tenant = Tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Journeys(tenant)}/{journeyId}/{command}") { Content = JsonContent.Create(body) };
        request.Options.Set(TenantTokenHandler.Subject, actor);
        return await http.SendAsync(request);
    }

    public static async Task<JsonArray> ReadArrayAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

    /// <summary>The problem details of a response, after checking its status, media type and <c>status</c> member.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        return problem;
    }

    /// <summary>The fields a validation problem names.</summary>
    public static string[] Fields(JsonObject problem) => [.. problem["errors"]!.AsObject().Select(e => e.Key)];

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Drives a fresh journey to engaged: referral, accept, first contact.</summary>
    public static async Task<Guid> EngagedJourneyAsync(HttpClient http)
    {
        var id = await CreateJourneyAsync(http);
        await CommandOkAsync(http, id, "accept", new { linkWorkerId = "lw-42" });
        await CommandOkAsync(http, id, "record-contact", new { mode = "phone", purpose = "introduction" });
        return id;
    }

    /// <summary>
    /// Waits until <paramref name="happened"/> holds, for what follows a commit asynchronously (reactions run from the
    /// event feed): fails after 60 seconds (CI runs many hosts at once on two cores).
    /// </summary>
    public static async Task EventuallyAsync(Func<Task<bool>> happened, string what)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await happened())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Not within 60 seconds: {what}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
