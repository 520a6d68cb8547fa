using System.Net;

namespace SocialPrescribing.Host.Tests;

/// <summary>Every class of bad input: a clear problem response, never a 500, and nothing appended.</summary>
[Collection(HostCollection.Name)]
public sealed class BadInputTests(HostFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private async Task AssertUnchangedAsync(Guid journeyId, int version) =>
        Assert.Equal(version, (await Api.GetJourneyAsync(Http, journeyId))["version"]!.GetValue<int>());

    [Fact]
    public async Task Malformed_json_is_a_400_and_appends_nothing()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", "{\"linkWorkerId\": ");

        await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task A_missing_field_is_named_in_the_problem()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", "{}");

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["linkWorkerId"], Api.Fields(problem));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_the_problem()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", "{\"linkWorkerId\": 42}");

        Assert.Equal(["linkWorkerId"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_unknown_field_is_rejected_rather_than_ignored()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", "{\"linkWorkerId\":\"lw-1\",\"linkworker\":\"lw-2\"}");

        Assert.Equal(["linkworker"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task Every_invalid_referral_field_is_named_at_once_and_no_journey_is_created()
    {
        var before = (await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?pageSize=1", TestContext.Current.CancellationToken)))["total"]!.GetValue<int>();
        var body = """
            {"client":{"givenName":" ","familyName":"Tremblay","birthDate":"1948-02-30","postalCode":"90210","preferredLanguage":"de","email":"not-an-email"},
             "referrer":{"name":"Dr. Patel","organization":"Clinic"},
             "source":"doctor","reasons":["sadness"]}
            """;

        var response = await Api.RawAsync(Http, "/api/v1/tenants/ab/referrals", body);

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            new[] { "client.birthDate", "client.email", "client.givenName", "client.postalCode", "client.preferredLanguage", "reasons[0]", "referrer.role", "source" },
            Api.Fields(problem).Order());
        var after = (await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}?pageSize=1", TestContext.Current.CancellationToken)))["total"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("15/12/2026")]
    [InlineData("2026-02-29")]
    [InlineData("")]
    public async Task A_bad_date_is_a_400_naming_the_field(string dueOn)
    {
        var id = await Api.EngagedJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "schedule-follow-up", new { dueOn });

        Assert.Equal(["dueOn"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 3);
    }

    [Fact]
    public async Task A_follow_up_in_the_past_is_a_400_naming_the_field()
    {
        var id = await Api.EngagedJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "schedule-follow-up", new { dueOn = "2020-01-01" });

        Assert.Equal(["dueOn"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 3);
    }

    [Theory]
    [InlineData("AB")]
    [InlineData("a")]
    [InlineData("way-too-long-for-a-tenant-id-really-yes")]
    [InlineData("ab_c")]
    public async Task An_invalid_tenant_id_is_a_400(string tenant)
    {
        var response = await Http.GetAsync($"/api/v1/tenants/{tenant}/journeys", TestContext.Current.CancellationToken);

        Assert.Equal(["tenant"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_tenant_not_served_here_is_a_404()
    {
        var response = await Api.RawAsync(Http, "/api/v1/tenants/qc/referrals", "{}");

        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_journey_is_a_404_for_reads_commands_and_documents()
    {
        var id = Guid.NewGuid();

        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys()}/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-1" }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys()}/{id}/documents/plan-summary", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys()}/not-a-guid", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_command_or_document_is_a_404()
    {
        var id = await Api.CreateJourneyAsync(Http);

        await Api.ProblemAsync(await Api.CommandAsync(Http, id, "teleport", new { }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys()}/{id}/documents/invoice", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task An_unsupported_document_language_is_a_400()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Http.GetAsync($"{Api.Journeys()}/{id}/documents/referral-acknowledgement?lang=de", TestContext.Current.CancellationToken);

        Assert.Equal(["lang"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_illegal_transition_is_a_409_naming_the_allowed_commands()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "discharge", new { reason = "Moved away" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("referred", problem["journeyStatus"]!.GetValue<string>());
        Assert.Equal(["accept", "decline", "record-contact-attempt", "record-consent", "withdraw-consent", "withhold-information"], problem["allowed"]!.AsArray().Select(n => n!.GetValue<string>()));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task An_illegal_community_referral_status_is_a_409_naming_the_allowed_statuses()
    {
        var id = await Api.EngagedJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "record-what-matters", new { items = new[] { "Company" } });
        await Api.CommandOkAsync(Http, id, "agree-plan", new { goals = new[] { "Meet people" } });
        var made = await Api.CommandOkAsync(Http, id, "make-community-referral", new { program = new { name = "Peer support circle" } });
        var referralId = made["events"]![0]!["data"]!["communityReferralId"]!.GetValue<string>();

        var response = await Api.CommandAsync(Http, id, "update-community-referral", new { communityReferralId = referralId, status = "completed" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(["accepted", "rejected", "on-hold", "cancelled"], problem["allowed"]!.AsArray().Select(n => n!.GetValue<string>()));
        await AssertUnchangedAsync(id, 6);
    }

    [Fact]
    public async Task An_unknown_community_referral_is_a_400_naming_the_field()
    {
        var id = await Api.EngagedJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "record-what-matters", new { items = new[] { "Company" } });
        await Api.CommandOkAsync(Http, id, "agree-plan", new { goals = new[] { "Meet people" } });
        await Api.CommandOkAsync(Http, id, "make-community-referral", new { program = new { name = "Peer support circle" } });

        var response = await Api.CommandAsync(Http, id, "update-community-referral", new { communityReferralId = Guid.NewGuid(), status = "accepted" });

        Assert.Equal(["communityReferralId"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_and_appends_nothing()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "decline", new { reason = new string('x', 20_000) });

        await Api.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(id, 1);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_a_415(string contentType)
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/accept", "{\"linkWorkerId\":\"lw-1\"}", contentType);

        await Api.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task A_journey_of_tenant_a_is_a_404_under_tenant_b()
    {
        var id = await Api.CreateJourneyAsync(Http, "ab");

        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys("on")}/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-1" }, tenant: "on"), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Http.GetAsync($"{Api.Journeys("on")}/{id}/documents/referral-acknowledgement", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_a_400_naming_the_header()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "accept", new { linkWorkerId = "lw-1" }, idempotencyKey: new string('k', 300));

        Assert.Equal(["Idempotency-Key"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 1);
    }

    [Theory]
    [InlineData("status=nonsense", "status")]
    [InlineData("status=none", "status")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("linkWorker=%3Cscript%3E", "linkWorker")]
    public async Task Bad_caseload_filters_are_a_400_naming_the_parameter(string query, string field)
    {
        var response = await Http.GetAsync($"{Api.Journeys()}?{query}", TestContext.Current.CancellationToken);

        Assert.Equal([field], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task Closing_as_unable_to_contact_needs_the_tenants_minimum_attempts()
    {
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "accept", new { linkWorkerId = "lw-1" });
        await Api.CommandOkAsync(Http, id, "record-contact-attempt", new { outcome = "no-answer" });

        var early = await Api.CommandAsync(Http, id, "close-unable-to-contact", new { reason = "No answer" });
        await Api.CommandOkAsync(Http, id, "record-contact-attempt", new { outcome = "left-message" });
        await Api.CommandOkAsync(Http, id, "record-contact-attempt", new { outcome = "no-answer" });
        var closed = await Api.CommandOkAsync(Http, id, "close-unable-to-contact", new { reason = "No answer" });

        var problem = await Api.ProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Contains("3", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("unable-to-contact", closed["status"]!.GetValue<string>());
    }
}
