using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>
/// Link worker training through the real host and a real training plugin: the catalogue hides the answers, a
/// knowledge check is marked, a pass completes the module, the competency profile follows, and the record
/// survives a restart because it is kept through the storage contract.
/// </summary>
[Collection(PluginHostCollection.Name)]
public sealed class TrainingTests : IDisposable
{
    private const string Tenant = "/api/v1/tenants/ab";

    private readonly PluginFolder _plugins = new PluginFolder().Add(PluginFolder.GoodRides);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _plugins.Dispose();

    private PluginHostFactory Host(string? dataDirectory = null) =>
        new(_plugins.Path, GoodRidesConfig.EnabledFor("ab"), dataDirectory);

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Token);
        return JsonNode.Parse(text)!;
    }

    private static Task<HttpResponseMessage> Attempt(HttpClient http, string worker, string answer) =>
        http.PostAsJsonAsync($"{Tenant}/link-workers/{worker}/training/listening-101/knowledge-check", new { answers = new Dictionary<string, string[]> { ["q1"] = [answer] } }, Token);

    [Fact]
    public async Task A_link_worker_starts_fails_passes_and_gains_the_competency_and_it_survives_a_restart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sp-training-" + Guid.NewGuid().ToString("N"));
        await using (var host = Host(dataDirectory))
        {
            using var http = host.CreateAuthenticatedClient();

            var modules = (await ReadAsync(await http.GetAsync($"{Tenant}/training/modules", Token))).AsArray();
            var module = Assert.Single(modules)!;
            Assert.Equal(("listening-101", "good-rides"), ((string?)module["id"], (string?)module["source"]));
            Assert.DoesNotContain("correctOptionIds", module.ToJsonString(), StringComparison.OrdinalIgnoreCase);

            var early = await Attempt(http, "lw-amara", "b");
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

            var started = await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/start", null, Token);
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
            Assert.Equal("in-progress", (string?)(await ReadAsync(started))["status"]);

            var failed = await ReadAsync(await Attempt(http, "lw-amara", "a"));
            Assert.False((bool)failed["passed"]!);
            Assert.Equal(0m, (decimal)failed["scorePercent"]!);
            var passed = await ReadAsync(await Attempt(http, "lw-amara", "b"));
            Assert.True((bool)passed["passed"]!);
            Assert.Equal(("completed", 2), ((string?)passed["progress"]!["status"], (int)passed["progress"]!["attempts"]!));

            var again = await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/start", null, Token);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        try
        {
        await using (var restarted = Host(dataDirectory))
        {
            using var http = restarted.CreateAuthenticatedClient();
            var profile = await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-amara/competencies", Token));
            var competency = profile["domains"]!.AsArray()
                .SelectMany(d => d!["competencies"]!.AsArray())
                .Single(c => (string?)c!["evidencedBy"]!.AsArray().FirstOrDefault() == "listening-101")!;
            Assert.Equal("foundational", (string?)competency["level"]);
            var record = (await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-amara/training", Token))).AsArray();
            Assert.Equal("completed", (string?)Assert.Single(record)!["status"]);

            var other = await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-bongani/competencies", Token));
            Assert.All(other["domains"]!.AsArray().SelectMany(d => d!["competencies"]!.AsArray()), c => Assert.Null(c!["level"]));
        }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Bad_training_requests_name_what_is_wrong()
    {
        await using var host = Host();
        using var http = host.CreateAuthenticatedClient();
        await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/start", null, Token);

        var unknownModule = await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/no-such-module/start", null, Token);
        var badWorker = await http.GetAsync($"{Tenant}/link-workers/not%20ok/competencies", Token);
        var unknownQuestion = await http.PostAsJsonAsync(
            $"{Tenant}/link-workers/lw-amara/training/listening-101/knowledge-check", new { answers = new Dictionary<string, string[]> { ["q9"] = ["a"] } }, Token);
        var unknownOption = await Attempt(http, "lw-amara", "z");
        var noAnswers = await http.PostAsJsonAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/knowledge-check", new { }, Token);

        Assert.Equal(HttpStatusCode.NotFound, unknownModule.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badWorker.StatusCode);
        Assert.True((await ReadAsync(unknownQuestion))["errors"]!.AsObject().ContainsKey("answers.q9"));
        Assert.True((await ReadAsync(unknownOption))["errors"]!.AsObject().ContainsKey("answers.q1"));
        Assert.True((await ReadAsync(noAnswers))["errors"]!.AsObject().ContainsKey("answers"));
        var record = (await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-amara/training", Token))).AsArray();
        Assert.Equal(0, (int)Assert.Single(record)!["attempts"]!);
    }

    private static async Task<HttpResponseMessage> AttemptRawAsync(HttpClient http, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Tenant}/link-workers/lw-amara/training/listening-101/knowledge-check")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request, Token);
    }

    [Fact]
    public async Task A_null_answer_is_a_400_naming_the_question_and_records_no_attempt()
    {
        await using var host = Host();
        using var http = host.CreateAuthenticatedClient();
        await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/start", null, Token);

        var nullList = await AttemptRawAsync(http, "{\"answers\":{\"q1\":null}}");
        var nullOption = await AttemptRawAsync(http, "{\"answers\":{\"q1\":[null]}}");
        var twice = await AttemptRawAsync(http, "{\"answers\":{\"q1\":[\"b\"],\"q1\":[\"a\"]}}");

        Assert.Equal(HttpStatusCode.BadRequest, nullList.StatusCode);
        Assert.True((await ReadAsync(nullList))["errors"]!.AsObject().ContainsKey("answers.q1"));
        Assert.Equal(HttpStatusCode.BadRequest, nullOption.StatusCode);
        Assert.True((await ReadAsync(nullOption))["errors"]!.AsObject().ContainsKey("answers.q1[0]"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.True((await ReadAsync(twice))["errors"]!.AsObject().ContainsKey("answers.q1"));
        var record = (await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-amara/training", Token))).AsArray();
        Assert.Equal(0, (int)Assert.Single(record)!["attempts"]!);
    }

    [Fact]
    public async Task The_same_key_with_other_answers_is_a_422_and_the_same_answers_replay()
    {
        await using var host = Host();
        using var http = host.CreateAuthenticatedClient();
        await http.PostAsync($"{Tenant}/link-workers/lw-amara/training/listening-101/start", null, Token);

        var first = await AttemptRawAsync(http, "{\"answers\":{\"q1\":[\"a\"]}}", "attempt-1");
        var same = await AttemptRawAsync(http, "{\"answers\": {\"q1\": [\"a\"]}}", "attempt-1");
        var other = await AttemptRawAsync(http, "{\"answers\":{\"q1\":[\"b\"]}}", "attempt-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("true", same.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("Idempotency-Key reused with a different request.", (string?)(await ReadAsync(other))["title"]);
        var record = (await ReadAsync(await http.GetAsync($"{Tenant}/link-workers/lw-amara/training", Token))).AsArray();
        Assert.Equal((1, "in-progress"), ((int)Assert.Single(record)!["attempts"]!, (string?)record[0]!["status"]));
    }
}
