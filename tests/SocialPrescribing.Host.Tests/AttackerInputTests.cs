using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Input an attacker would try: dates at the ends of the calendar, control and bidirectional characters, repeated
/// fields, numbers as strings, nulls in lists, a key reused for another request. Each is a 4xx with problem details
/// naming what is wrong, and nothing is appended.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AttackerInputTests(HostFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The ab tenant's calendar date, as the host computes it from its clock.</summary>
    private DateOnly Today
    {
        get
        {
            fixture.Factory.Services.GetRequiredService<ITenantDirectory>().TryGet(TenantId.Parse(Api.Tenant), out var tenant);
            return BusinessCalendar.LocalDate(fixture.Factory.Time.GetUtcNow(), tenant!);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> VersionAsync(Guid journeyId) => (await Api.GetJourneyAsync(Http, journeyId))["version"]!.GetValue<int>();

    private async Task<int> JourneyCountAsync() =>
        (await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?pageSize=1", Token)))["total"]!.GetValue<int>();

    [Theory]
    [InlineData("from", "0001-01-01")]
    [InlineData("to", "9999-12-31")]
    [InlineData("from", "1899-12-31")]
    public async Task An_outcome_report_period_outside_1900_to_ten_years_ahead_is_a_400_naming_the_field(string field, string date)
    {
        var response = await Http.GetAsync($"/api/v1/tenants/ab/reports/outcomes?{field}={date}", Token);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], Api.Fields(problem));
        Assert.Contains("1900-01-01", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outcome_report_may_end_ten_years_ahead_and_no_later()
    {
        var latest = Today.AddYears(10);

        var edges = await Http.GetAsync($"/api/v1/tenants/ab/reports/outcomes?from=1900-01-01&to={Iso(latest)}", Token);
        var past = await Http.GetAsync($"/api/v1/tenants/ab/reports/outcomes?to={Iso(latest.AddDays(1))}", Token);

        Assert.Equal(HttpStatusCode.OK, edges.StatusCode);
        Assert.Equal(["to"], Api.Fields(await Api.ProblemAsync(past, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData(null)] // tomorrow, in the tenant's calendar
    public async Task A_birth_date_outside_1900_to_today_is_a_400_and_opens_no_journey(string? date)
    {
        var before = await JourneyCountAsync();

        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.birthDate", date ?? Iso(Today.AddDays(1))));

        Assert.Equal(["client.birthDate"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(before, await JourneyCountAsync());
    }

    [Fact]
    public async Task A_follow_up_more_than_ten_years_ahead_is_a_400_and_appends_nothing()
    {
        var id = await Api.EngagedJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "schedule-follow-up", new { dueOn = Iso(Today.AddYears(10).AddDays(1)) });

        Assert.Equal(["dueOn"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(3, await VersionAsync(id));
    }

    [Theory]
    [InlineData("client.givenName", 0x0000)]
    [InlineData("client.familyName", 0x0000)]
    [InlineData("client.familyName", 0x202E)]
    [InlineData("client.givenName", 0x2066)]
    [InlineData("client.phone", 0x0009)]
    [InlineData("referrer.organization", 0x0085)]
    [InlineData("referrer.name", 0x007F)]
    [InlineData("reasons[0]", 0x001B)]
    [InlineData("notes", 0x0000)]
    [InlineData("notes", 0x202D)]
    public async Task A_control_or_bidi_character_in_any_referral_text_is_a_400_naming_the_field_and_opens_no_journey(string field, int character)
    {
        var before = await JourneyCountAsync();

        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith(field, $"Ab{(char)character}cd"));

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], Api.Fields(problem));
        Assert.Contains($"U+{character:X4}", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, await JourneyCountAsync());
    }

    [Fact]
    public async Task Notes_keep_tabs_and_line_breaks_that_a_name_may_not_have()
    {
        var notes = "Widowed last year.\r\nKeen on walking groups:\tTuesdays.\nNo car.";

        var created = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("notes", notes));
        var name = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.givenName", "Ma\nrie"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var journey = await Api.GetJourneyAsync(Http, (await Api.ReadAsync(created))["journeyId"]!.GetValue<Guid>());
        Assert.Equal(notes, journey["notes"]!.GetValue<string>());
        Assert.Equal(["client.givenName"], Api.Fields(await Api.ProblemAsync(name, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Text_that_is_not_valid_unicode_is_a_400_naming_the_field()
    {
        var body = Api.ReferralWith("client.givenName", "MARKER").Replace("MARKER", "Ma\\ud800rie", StringComparison.Ordinal);

        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", body);

        Assert.Equal(["client.givenName"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_control_character_in_a_field_name_is_echoed_escaped()
    {
        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", "{\"cli\\u0000ent\":{}}");

        Assert.Equal(["cli\\u0000ent"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("decline", "reason", "{\"reason\":\"Moved\\u0007 away\"}")]
    [InlineData("record-contact-attempt", "notes", "{\"outcome\":\"no-answer\",\"notes\":\"\\u202Eylno semit eerht\"}")]
    [InlineData("accept", "linkWorkerId", "{\"linkWorkerId\":\"lw-1\\u0000\"}")]
    public async Task A_control_or_bidi_character_in_a_command_is_a_400_naming_the_field_and_appends_nothing(string command, string field, string body)
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/{command}", body);

        Assert.Equal([field], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(1, await VersionAsync(id));
    }

    [Theory]
    [InlineData("{\"linkWorkerId\":\"lw-1\",\"linkWorkerId\":\"lw-2\"}", "linkWorkerId")]
    [InlineData("{\"linkWorkerId\":\"lw-1\",\"LinkWorkerId\":\"lw-2\"}", "LinkWorkerId")]
    public async Task A_field_given_twice_is_a_400_naming_it_and_appends_nothing(string body, string field)
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", body);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], Api.Fields(problem));
        Assert.Equal("Given more than once.", problem["errors"]![field]![0]!.GetValue<string>());
        Assert.Equal(1, await VersionAsync(id));
    }

    [Fact]
    public async Task A_repeated_key_inside_a_nested_object_is_a_400_and_opens_no_journey()
    {
        var before = await JourneyCountAsync();
        var body = Api.ReferralWith("client.givenName", "MARKER").Replace("\"givenName\":\"MARKER\"", "\"givenName\":\"Marie\",\"givenName\":\"Eve\"", StringComparison.Ordinal);

        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", body);

        Assert.Equal(["client.givenName"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        Assert.Equal(before, await JourneyCountAsync());
    }

    [Fact]
    public async Task Numbers_sent_as_strings_are_a_400_naming_the_element_and_record_nothing()
    {
        var id = await Api.EngagedJourneyAsync(Http);

        var scored = await Api.RawAsync(Http, "/api/v1/tenants/ab/assessments/phq9/score", "{\"responses\":[\"1\",2,1,2,1,2,1,0,1]}");
        var recorded = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/assessments", "{\"instrument\":\"swemwbs\",\"timepoint\":\"baseline\",\"responses\":[2,2,\"2\",2,2,2,2]}");

        Assert.Equal(["responses[0]"], Api.Fields(await Api.ProblemAsync(scored, HttpStatusCode.BadRequest)));
        Assert.Equal(["responses[2]"], Api.Fields(await Api.ProblemAsync(recorded, HttpStatusCode.BadRequest)));
        Assert.Equal(3, await VersionAsync(id));
    }

    [Fact]
    public async Task A_null_in_a_list_is_a_400_naming_the_element_and_records_nothing()
    {
        var before = await JourneyCountAsync();
        var id = await Api.EngagedJourneyAsync(Http);

        var reasons = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("reasons[0]", null));
        var items = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/record-what-matters", "{\"items\":[\"Company\",null]}");
        await Api.CommandOkAsync(Http, id, "record-what-matters", new { items = new[] { "Company" } });
        var goals = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/agree-plan", "{\"goals\":[null]}");
        var responses = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/assessments", "{\"instrument\":\"swemwbs\",\"timepoint\":\"baseline\",\"responses\":[2,2,null,2,2,2,2]}");

        Assert.Equal(["reasons[0]"], Api.Fields(await Api.ProblemAsync(reasons, HttpStatusCode.BadRequest)));
        Assert.Equal(["items[1]"], Api.Fields(await Api.ProblemAsync(items, HttpStatusCode.BadRequest)));
        Assert.Equal(["goals[0]"], Api.Fields(await Api.ProblemAsync(goals, HttpStatusCode.BadRequest)));
        Assert.Equal(["responses[2]"], Api.Fields(await Api.ProblemAsync(responses, HttpStatusCode.BadRequest)));
        Assert.Equal(4, await VersionAsync(id));
        Assert.Equal(before + 1, await JourneyCountAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_referral_is_a_422_and_the_first_journey_is_unchanged()
    {
        var key = "referral-" + Guid.NewGuid();
        var first = await Api.RawWithKeyAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.givenName", "Marie"), key);
        var before = await JourneyCountAsync();

        var other = await Api.RawWithKeyAsync(Http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.givenName", "Eve"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await Api.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Idempotency-Key reused with a different request.", problem["title"]!.GetValue<string>());
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        var journey = await Api.GetJourneyAsync(Http, (await Api.ReadAsync(first))["journeyId"]!.GetValue<Guid>());
        Assert.Equal(("Marie", 1), (journey["client"]!["givenName"]!.GetValue<string>(), journey["version"]!.GetValue<int>()));
        Assert.False(journey["timeline"]![0]!["data"]!.AsObject().ContainsKey("commandFingerprint"));
        Assert.Equal(before, await JourneyCountAsync());
    }

    [Fact]
    public async Task The_same_key_with_the_same_body_replays_whatever_its_spacing_or_field_order()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var first = await Api.RawWithKeyAsync(Http, $"{Api.Journeys()}/{id}/record-contact-attempt", "{\"outcome\":\"no-answer\",\"notes\":\"Rang twice\"}", "attempt-1");
        var again = await Api.RawWithKeyAsync(Http, $"{Api.Journeys()}/{id}/record-contact-attempt", "{ \"notes\" : \"Rang twice\",\n  \"outcome\": \"no-answer\" }", "attempt-1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await VersionAsync(id));
    }

    [Fact]
    public async Task The_same_key_with_another_command_body_is_a_422_and_appends_nothing()
    {
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-1" }, "accept-1");

        var other = await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-2" }, "accept-1");

        await Api.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        var journey = await Api.GetJourneyAsync(Http, id);
        Assert.Equal((2, "lw-1"), (journey["version"]!.GetValue<int>(), journey["linkWorkerId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_same_key_with_other_assessment_responses_is_a_422_and_records_nothing()
    {
        var id = await Api.EngagedJourneyAsync(Http);
        var path = $"{Api.Journeys()}/{id}/assessments";
        var first = await Api.RawWithKeyAsync(Http, path, "{\"instrument\":\"swemwbs\",\"timepoint\":\"baseline\",\"responses\":[2,2,2,2,2,2,2]}", "baseline-1");

        var same = await Api.RawWithKeyAsync(Http, path, "{\"instrument\":\"swemwbs\",\"timepoint\":\"baseline\",\"responses\":[2,2,2,2,2,2,2]}", "baseline-1");
        var other = await Api.RawWithKeyAsync(Http, path, "{\"instrument\":\"swemwbs\",\"timepoint\":\"baseline\",\"responses\":[5,5,5,5,5,5,5]}", "baseline-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, same.StatusCode);
        Assert.Equal("true", same.Headers.GetValues("Idempotent-Replayed").Single());
        await Api.ProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(4, await VersionAsync(id));
    }

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_405_with_problem_details()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Http.DeleteAsync($"{Api.Journeys()}/{id}", Token);

        await Api.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(1, await VersionAsync(id));
    }
}
