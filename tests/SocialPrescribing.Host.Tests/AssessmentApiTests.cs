using System.Net;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

/// <summary>The instrument catalogue, scoring over HTTP, and assessments and outcomes on a journey.</summary>
[Collection(HostCollection.Name)]
public sealed class AssessmentApiTests(HostFixture host)
{
    private static string Assessments(string tenant = Api.Tenant) => $"/api/v1/tenants/{tenant}/assessments";

    private static string JourneyAssessments(Guid id) => $"{Api.Journeys()}/{id}/assessments";

    private static async Task<JsonObject> ScoreOkAsync(HttpClient http, string instrument, params int[] responses)
    {
        var response = await Api.PostAsync(http, $"{Assessments()}/{instrument}/score", new { responses });
        var body = await Api.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static async Task<JsonObject> RecordAsync(HttpClient http, Guid journeyId, string instrument, string timepoint, params int[] responses)
    {
        var response = await Api.PostAsync(http, JourneyAssessments(journeyId), new { instrument, timepoint, responses });
        var body = await Api.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    [Fact]
    public async Task The_catalogue_lists_the_built_in_instruments_with_items_scores_and_licences()
    {
        var response = await Api.GetAsync(host.Client, $"{Assessments()}/instruments");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var instruments = await Api.ReadArrayAsync(response);
        Assert.Equal(["ons4", "ucla3", "swemwbs", "phq9", "gad7"], instruments.Select(i => i!["id"]!.GetValue<string>()));
        var phq9 = instruments.Single(i => i!["id"]!.GetValue<string>() == "phq9")!;
        Assert.Equal(9, phq9["items"]!.AsArray().Count);
        Assert.Equal("built-in", phq9["source"]!.GetValue<string>());
        Assert.Equal(5m, phq9["scores"]![0]!["meaningfulChange"]!.GetValue<decimal>());
        Assert.Equal("lower-is-better", phq9["scores"]![0]!["polarity"]!.GetValue<string>());
        var swemwbs = instruments.Single(i => i!["id"]!.GetValue<string>() == "swemwbs")!;
        Assert.False(swemwbs["licence"]!["itemTextIncluded"]!.GetValue<bool>());
        Assert.All(swemwbs["items"]!.AsArray(), item => Assert.Null(item!["text"]));
    }

    [Fact]
    public async Task One_instrument_can_be_read_and_an_unknown_one_is_a_404()
    {
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync(host.Client, $"{Assessments()}/instruments/gad7")).StatusCode);
        var missing = await Api.GetAsync(host.Client, $"{Assessments()}/instruments/phq10");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Scoring_over_http_gives_the_published_values()
    {
        var phq9 = await ScoreOkAsync(host.Client, "phq9", 1, 2, 1, 2, 1, 2, 1, 0, 1);
        Assert.Equal(11m, phq9["scores"]!["total"]!.GetValue<decimal>());
        Assert.Equal("moderate", phq9["bands"]!["total"]!.GetValue<string>());
        Assert.Equal(["self-harm-risk"], phq9["flags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(("phq9", "1.0"), (phq9["instrument"]!.GetValue<string>(), phq9["version"]!.GetValue<string>()));

        var gad7 = await ScoreOkAsync(host.Client, "gad7", 0, 1, 0, 1, 0, 1, 1);
        Assert.Equal((4m, "minimal"), (gad7["scores"]!["total"]!.GetValue<decimal>(), gad7["bands"]!["total"]!.GetValue<string>()));

        var swemwbs = await ScoreOkAsync(host.Client, "swemwbs", 3, 3, 3, 3, 3, 3, 3);
        Assert.Equal((21m, 19.25m), (swemwbs["scores"]!["raw"]!.GetValue<decimal>(), swemwbs["scores"]!["metric"]!.GetValue<decimal>()));

        var ons4 = await ScoreOkAsync(host.Client, "ons4", 7, 8, 6, 2);
        Assert.Equal(("high", "low"), (ons4["bands"]!["lifeSatisfaction"]!.GetValue<string>(), ons4["bands"]!["anxiety"]!.GetValue<string>()));

        var ucla3 = await ScoreOkAsync(host.Client, "ucla3", 2, 2, 2);
        Assert.Equal((6m, "lonely"), (ucla3["scores"]!["total"]!.GetValue<decimal>(), ucla3["bands"]!["total"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("phq9", "[0,0,0,0,0,0,0,0]", "responses")]
    [InlineData("phq9", "[0,0,0,0,0,0,0,0,4]", "responses[8]")]
    [InlineData("gad7", "[0,0,-1,0,0,0,0]", "responses[2]")]
    [InlineData("phq9", "{}", "responses")]
    [InlineData("phq9", "[0,0,0,0,0,0,0,0,1.5]", "responses[8]")]
    public async Task Responses_an_instrument_cannot_score_are_a_400_naming_the_item(string instrument, string responses, string field)
    {
        var body = responses == "{}" ? "{}" : $$"""{"responses":{{responses}}}""";

        var response = await Api.RawAsync(host.Client, $"{Assessments()}/{instrument}/score", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Api.ReadAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task Scoring_an_unknown_instrument_is_a_404()
    {
        var response = await Api.PostAsync(host.Client, $"{Assessments()}/phq10/score", new { responses = new[] { 1 } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_assessment_recorded_on_a_journey_keeps_its_result_and_is_listed()
    {
        var id = await Api.EngagedJourneyAsync(host.Client);

        var response = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "gad7", timepoint = "baseline", responses = new[] { 2, 2, 2, 2, 1, 1, 1 } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Api.ReadAsync(response);
        var assessment = body["assessment"]!;
        Assert.Equal((11m, "moderate"), (assessment["scores"]!["total"]!.GetValue<decimal>(), assessment["bands"]!["total"]!.GetValue<string>()));
        Assert.Equal("baseline", assessment["timepoint"]!.GetValue<string>());
        Assert.Empty(body["safetyAlerts"]!.AsArray());
        Assert.EndsWith($"/journeys/{id}/assessments/{assessment["assessmentId"]}", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        var one = await Api.ReadAsync(await Api.GetAsync(host.Client, response.Headers.Location));
        Assert.Equal([2, 2, 2, 2, 1, 1, 1], one["responses"]!.AsArray().Select(r => r!.GetValue<int>()));
        var journey = await Api.GetJourneyAsync(host.Client, id);
        Assert.Single(journey["assessments"]!.AsArray());
        Assert.Contains("AssessmentRecorded", journey["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bad_assessments_are_refused_and_append_nothing()
    {
        var id = await Api.EngagedJourneyAsync(host.Client);
        var before = (await Api.GetJourneyAsync(host.Client, id))["version"]!.GetValue<long>();

        var unknown = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "phq10", timepoint = "baseline", responses = new[] { 1 } });
        var outOfRange = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "phq9", timepoint = "baseline", responses = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 9 } });
        var noTimepoint = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "phq9", responses = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 } });
        await RecordAsync(host.Client, id, "phq9", "baseline", 0, 0, 0, 0, 0, 0, 0, 0, 0);
        var secondBaseline = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "phq9", timepoint = "baseline", responses = new[] { 0, 0, 0, 0, 0, 0, 0, 0, 0 } });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await Api.ReadAsync(unknown))["errors"]!.AsObject().ContainsKey("instrument"));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await Api.ReadAsync(outOfRange))["errors"]!.AsObject().ContainsKey("responses[8]"));
        Assert.Equal(HttpStatusCode.BadRequest, noTimepoint.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondBaseline.StatusCode);
        var conflict = await Api.ReadAsync(secondBaseline);
        Assert.Equal("timepoint", conflict["field"]!.GetValue<string>());
        Assert.Equal(before + 1, (await Api.GetJourneyAsync(host.Client, id))["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Assessments_wait_until_the_person_is_engaged()
    {
        var id = await Api.CreateJourneyAsync(host.Client);

        var response = await Api.PostAsync(host.Client, JourneyAssessments(id), new { instrument = "ucla3", timepoint = "baseline", responses = new[] { 1, 1, 1 } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("referred", (await Api.ReadAsync(response))["journeyStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outcomes_compare_the_baseline_with_the_latest_of_several_follow_ups()
    {
        var id = await Api.EngagedJourneyAsync(host.Client);
        await RecordAsync(host.Client, id, "swemwbs", "baseline", 2, 2, 2, 2, 2, 2, 2);
        await RecordAsync(host.Client, id, "swemwbs", "follow-up", 3, 2, 2, 3, 2, 2, 2);
        await RecordAsync(host.Client, id, "swemwbs", "follow-up", 3, 3, 3, 3, 3, 3, 3);
        await RecordAsync(host.Client, id, "phq9", "baseline", 2, 2, 2, 2, 2, 2, 1, 1, 0);
        await RecordAsync(host.Client, id, "phq9", "follow-up", 1, 2, 2, 2, 2, 1, 1, 1, 0);

        var outcomes = await Api.ReadAsync(await Api.GetAsync(host.Client, $"{Api.Journeys()}/{id}/outcomes"));

        var instruments = outcomes["instruments"]!.AsArray();
        var swemwbs = instruments.Single(i => i!["instrument"]!.GetValue<string>() == "swemwbs")!;
        Assert.Equal(3, swemwbs["series"]!.AsArray().Count);
        var metric = swemwbs["changes"]!["metric"]!;
        Assert.Equal((15.32m, 19.25m, 3.93m), (metric["baseline"]!.GetValue<decimal>(), metric["latest"]!.GetValue<decimal>(), metric["change"]!.GetValue<decimal>()));
        Assert.Equal(("meaningful-improvement", 3m), (metric["direction"]!.GetValue<string>(), metric["meaningfulChange"]!.GetValue<decimal>()));
        var phq9 = instruments.Single(i => i!["instrument"]!.GetValue<string>() == "phq9")!["changes"]!["total"]!;
        Assert.Equal((-2m, "no-meaningful-change"), (phq9["change"]!.GetValue<decimal>(), phq9["direction"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Outcomes_of_an_unknown_journey_are_a_404()
    {
        var response = await Api.GetAsync(host.Client, $"{Api.Journeys()}/{Guid.NewGuid()}/outcomes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
