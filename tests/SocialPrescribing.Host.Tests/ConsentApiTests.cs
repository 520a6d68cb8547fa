using System.Net;
using System.Text.Json.Nodes;

namespace SocialPrescribing.Host.Tests;

/// <summary>Consent and lock-box directives through the real host: recorded, shown on the journey, withdrawn, released.</summary>
[Collection(HostCollection.Name)]
public sealed class ConsentApiTests(HostFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private static readonly object FullConsent = new
    {
        referrerSharing = "full-summary",
        researchUse = true,
        contact = new { channels = new[] { "phone", "sms" }, times = new[] { "morning" } },
    };

    private static string[] Texts(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    private async Task AssertUnchangedAsync(Guid journeyId, int version) =>
        Assert.Equal(version, (await Api.GetJourneyAsync(Http, journeyId))["version"]!.GetValue<int>());

    [Fact]
    public async Task A_new_journey_shows_the_default_consent_and_no_directive()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var journey = await Api.GetJourneyAsync(Http, id);

        var consent = journey["consent"]!;
        Assert.Equal("none", consent["referrerSharing"]!.GetValue<string>());
        Assert.False(consent["researchUse"]!.GetValue<bool>());
        Assert.False(consent["contact"]!["doNotContact"]!.GetValue<bool>());
        Assert.Empty(consent["contact"]!["channels"]!.AsArray());
        Assert.Null(consent["updatedAt"]);
        Assert.Empty(journey["withholdingDirectives"]!.AsArray());
        Assert.Equal(["accept", "decline", "record-contact-attempt", "record-consent", "withdraw-consent", "withhold-information"], Texts(journey["allowedCommands"]));
    }

    [Fact]
    public async Task Consent_is_recorded_shown_on_the_journey_and_withdrawn_with_who_and_when()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var recorded = await Api.ReadAsync(await Api.CommandAsAsync(Http, "lw-consent", id, "record-consent", FullConsent));
        var withdrawn = await Api.CommandOkAsync(Http, id, "withdraw-consent", new { scopes = new[] { "referrer-sharing", "contact" } });
        var journey = await Api.GetJourneyAsync(Http, id);

        var recordedEvent = recorded["events"]![0]!;
        Assert.Equal(("ConsentRecorded", "lw-consent"), (recordedEvent["type"]!.GetValue<string>(), recordedEvent["actor"]!.GetValue<string>()));
        Assert.Equal("full-summary", recordedEvent["data"]!["consent"]!["referrerSharing"]!.GetValue<string>());
        Assert.Equal("ConsentWithdrawn", withdrawn["events"]![0]!["type"]!.GetValue<string>());
        Assert.Equal(["referrer-sharing", "contact"], Texts(withdrawn["events"]![0]!["data"]!["scopes"]));
        Assert.DoesNotContain("record-contact-attempt", Texts(withdrawn["allowedCommands"]));
        var consent = journey["consent"]!;
        Assert.Equal("none", consent["referrerSharing"]!.GetValue<string>());
        Assert.True(consent["researchUse"]!.GetValue<bool>());
        Assert.True(consent["contact"]!["doNotContact"]!.GetValue<bool>());
        Assert.Equal(["phone", "sms"], Texts(consent["contact"]!["channels"]));
        Assert.Equal(["morning"], Texts(consent["contact"]!["times"]));
        Assert.Equal(withdrawn["events"]![0]!["occurredAt"]!.GetValue<DateTimeOffset>(), consent["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TestTokens.DefaultCaller, consent["updatedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Information_is_withheld_shown_on_the_journey_and_released()
    {
        var id = await Api.EngagedJourneyAsync(Http);

        var withheld = await Api.CommandOkAsync(Http, id, "withhold-information", new
        {
            parts = new[] { "assessments", "what-matters" },
            roles = new[] { "referrer" },
            recipientIds = new[] { "org-bow-valley" },
        });
        var directiveId = withheld["events"]![0]!["data"]!["directiveId"]!.GetValue<Guid>();
        var during = await Api.GetJourneyAsync(Http, id);
        var released = await Api.CommandOkAsync(Http, id, "release-withheld-information", new { directiveId });
        var after = await Api.GetJourneyAsync(Http, id);

        var directive = Assert.Single(during["withholdingDirectives"]!.AsArray())!;
        Assert.Equal(directiveId, directive["directiveId"]!.GetValue<Guid>());
        Assert.Equal(["assessments", "what-matters"], Texts(directive["parts"]));
        Assert.Equal(["referrer"], Texts(directive["roles"]));
        Assert.Equal(["org-bow-valley"], Texts(directive["recipientIds"]));
        Assert.Contains("release-withheld-information", Texts(during["allowedCommands"]));
        Assert.Equal("WithheldInformationReleased", released["events"]![0]!["type"]!.GetValue<string>());
        Assert.Empty(after["withholdingDirectives"]!.AsArray());
        Assert.DoesNotContain("release-withheld-information", Texts(after["allowedCommands"]));
    }

    [Fact]
    public async Task A_closed_journey_still_takes_a_withdrawal_and_a_lock_box_directive()
    {
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "decline", new { reason = "Not now." });

        var withdrawn = await Api.CommandOkAsync(Http, id, "withdraw-consent", new { scopes = new[] { "contact" } });
        var withheld = await Api.CommandOkAsync(Http, id, "withhold-information", new { parts = new[] { "notes" }, roles = new[] { "community-partner" } });

        Assert.Equal("declined", withdrawn["status"]!.GetValue<string>());
        Assert.Equal("declined", withheld["status"]!.GetValue<string>());
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "record-consent", """{"researchUse":true}""", "referrerSharing" },
        { "record-consent", """{"referrerSharing":"everything","researchUse":true}""", "referrerSharing" },
        { "record-consent", """{"referrerSharing":"none"}""", "researchUse" },
        { "record-consent", """{"referrerSharing":"none","researchUse":false,"contact":{"channels":["pigeon"]}}""", "contact.channels[0]" },
        { "record-consent", """{"referrerSharing":"none","researchUse":false,"contact":{"times":["morning","morning"]}}""", "contact.times" },
        { "withdraw-consent", """{"scopes":[]}""", "scopes" },
        { "withdraw-consent", """{"scopes":["marketing"]}""", "scopes[0]" },
        { "withhold-information", """{"roles":["referrer"]}""", "parts" },
        { "withhold-information", """{"parts":["notes"]}""", "roles" },
        { "withhold-information", """{"parts":["diary"],"roles":["referrer"]}""", "parts[0]" },
        { "withhold-information", """{"parts":["notes"],"recipientIds":["dr chen"]}""", "recipientIds[0]" },
        { "withhold-information", """{"parts":["notes"],"recipientIds":["dr-chen","DR-CHEN"]}""", "recipientIds" },
        { "release-withheld-information", """{}""", "directiveId" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_appends_nothing(string command, string body, string field)
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.RawAsync(Http, $"{Api.Journeys()}/{id}/{command}", body);

        Assert.Contains(field, Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task Releasing_an_unknown_directive_is_a_400_naming_the_field()
    {
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "withhold-information", new { parts = new[] { "plan" }, roles = new[] { "supervisor" } });

        var response = await Api.CommandAsync(Http, id, "release-withheld-information", new { directiveId = Guid.NewGuid() });

        Assert.Equal(["directiveId"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
        await AssertUnchangedAsync(id, 2);
    }

    [Fact]
    public async Task Releasing_when_no_directive_is_in_force_is_a_409_naming_the_allowed_commands()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "release-withheld-information", new { directiveId = Guid.NewGuid() });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("referred", problem["journeyStatus"]!.GetValue<string>());
        Assert.Equal(["accept", "decline", "record-contact-attempt", "record-consent", "withdraw-consent", "withhold-information"], Texts(problem["allowed"]));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task Withdrawing_a_consent_never_given_is_a_409()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Api.CommandAsync(Http, id, "withdraw-consent", new { scopes = new[] { "research" } });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("withdraw-consent", Texts(problem["allowed"]));
        await AssertUnchangedAsync(id, 1);
    }

    [Fact]
    public async Task A_contact_attempt_after_contact_is_withdrawn_is_a_409_that_no_longer_offers_it()
    {
        var id = await Api.CreateJourneyAsync(Http);
        await Api.CommandOkAsync(Http, id, "withdraw-consent", new { scopes = new[] { "contact" } });

        var response = await Api.CommandAsync(Http, id, "record-contact-attempt", new { outcome = "no-answer" });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.DoesNotContain("record-contact-attempt", Texts(problem["allowed"]));
        await AssertUnchangedAsync(id, 2);
    }
}
