using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// A link worker records what matters to a person and their barriers, and is offered the tenant's programs that fit
/// them, each factor with its reason; the read is audited.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MatchesApiTests(HostFixture fixture)
{
    // A place of the tests' own in the Yukon, far from every other test's services.
    private const double Latitude = 62.0;
    private const double Longitude = -130.0;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static JsonObject Service(string name, double kmNorth, string? fee = null, string language = "fr", string? byday = null, bool accessible = false, int? minimumAge = null, int? maximumAge = null, string? description = null)
    {
        var location = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location_type"] = "physical",
            ["name"] = name + " hall",
            ["latitude"] = Latitude + (kmNorth / 111.195),
            ["longitude"] = Longitude,
        };
        if (accessible)
        {
            location["accessibility"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["description"] = "Step-free entrance and lift." });
        }

        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["status"] = "active",
            ["description"] = description ?? name + " meets every week.",
            ["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = language, ["code"] = language }),
            ["service_at_locations"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location"] = location }),
            ["cost_options"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["amount"] = fee is null ? 0 : decimal.Parse(fee, System.Globalization.CultureInfo.InvariantCulture), ["currency"] = "CAD" }),
        };
        if (byday is not null)
        {
            service["schedules"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["freq"] = "WEEKLY", ["byday"] = byday, ["opens_at"] = "10:00", ["closes_at"] = "12:00" });
        }

        if (minimumAge is not null)
        {
            service["minimum_age"] = minimumAge;
            service["maximum_age"] = maximumAge;
        }

        return service;
    }

    private async Task ImportAsync(params JsonObject[] services)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tenants/{Api.Tenant}/directory/imports")
        {
            Content = new StringContent(new JsonArray(services).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, "matches-admin", [AccessRoles.TenantAdmin]));
        using var response = await fixture.Factory.CreateClient().SendAsync(request, Token);
        Assert.Equal(0, (await Api.ReadAsync(response))["rejected"]!.GetValue<int>());
    }

    private async Task<JsonObject> MatchesAsync(Guid journey, string query = "?limit=50")
    {
        using var response = await fixture.Client.GetAsync($"{Api.Journeys()}/{journey}/matches{query}", Token);
        return await Api.ReadAsync(response);
    }

    [Fact]
    public async Task A_link_worker_is_offered_the_programs_that_fit_the_person_with_a_reason_for_every_factor()
    {
        var garden = Service("Jardin communautaire du Nord", kmNorth: 0.5, byday: "TU", accessible: true, description: "Un jardin communautaire. A community garden, Tuesday mornings.");
        var painting = Service("Northern painting class", kmNorth: 3, fee: "20", language: "en", byday: "MO");
        var youth = Service("Youth gardening crew", kmNorth: 0.2, minimumAge: 12, maximumAge: 25);
        var far = Service("Faraway gardening club", kmNorth: 12);
        var tooFar = Service("Southern gardening club", kmNorth: -200);
        await ImportAsync(garden, painting, youth, far, tooFar);
        var journey = await Api.EngagedJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "record-what-matters", new { items = new[] { "Being in a garden", "Meeting new people" } });
        var recorded = await Api.CommandOkAsync(fixture.Client, journey, "record-barriers", new
        {
            barriers = new[] { "cost", "mobility" },
            interests = new[] { "gardening", "painting" },
            languages = new[] { "fr" },
            availability = new[] { new { day = "tuesday", from = "09:00", to = "12:30" } },
            maxTravelMeters = 5_000,
            latitude = Latitude,
            longitude = Longitude,
        });

        var matches = await MatchesAsync(journey);

        Assert.Equal("where they start from", matches["basis"]!["origin"]!.GetValue<string>());
        // Born 1948-03-14 (the sample referral), counted on the host's clock.
        var today = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);
        var born = new DateOnly(1948, 3, 14);
        Assert.Equal(today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0), matches["basis"]!["ageYears"]!.GetValue<int>());
        var mine = matches["matches"]!.AsArray()
            .Where(m => new[] { garden, painting, youth, far, tooFar }.Any(s => s["id"]!.GetValue<string>() == m!["serviceId"]!.GetValue<string>()))
            .ToList();
        // The youth crew is for 12 to 25: the person (born 1948) is not offered it. The club 200 km south holds their
        // interest but lies beyond three times the distance they travel, so the directory does not offer it.
        Assert.Equal(["Jardin communautaire du Nord", "Faraway gardening club", "Northern painting class"], mine.Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(garden["id"]!.GetValue<string>(), matches["matches"]![0]!["serviceId"]!.GetValue<string>());

        var best = mine[0]!;
        // Interest 0.75 (two of four), distance 0.9 (0.5 of 5 km), the rest 1: (4 × 0.75 + 2 × 0.9 + 4 × 2) / 14.
        Assert.Equal(91.4, best["score"]!.GetValue<double>());
        Assert.Equal(500, best["distanceMeters"]!.GetValue<double>(), 1);
        var reasons = best["factors"]!.AsArray().ToDictionary(f => f!["factor"]!.GetValue<string>(), f => f!["explanation"]!.GetValue<string>());
        Assert.Equal(["interest", "distance", "language", "cost", "schedule", "accessibility"], reasons.Keys);
        Assert.Equal("Matches “gardening”; “Being in a garden”.", reasons["interest"]);
        Assert.Equal("0.5 km from where they start from (they travel up to 5.0 km).", reasons["distance"]);
        Assert.Equal("Offered in fr.", reasons["language"]);
        Assert.Equal("Free.", reasons["cost"]);
        Assert.Equal("Meets Tuesday 10:00–12:00, when they are free.", reasons["schedule"]);
        Assert.Equal("Its place describes its accessibility.", reasons["accessibility"]);

        var farReasons = mine[1]!["factors"]!.AsArray().ToDictionary(f => f!["factor"]!.GetValue<string>(), f => (f!["score"]!.GetValue<double>(), f["explanation"]!.GetValue<string>()));
        Assert.Equal((0, "12 km from where they start from, farther than the 5.0 km they travel."), farReasons["distance"]);
        var paintingReasons = mine[2]!["factors"]!.AsArray().ToDictionary(f => f!["factor"]!.GetValue<string>(), f => (f!["score"]!.GetValue<double>(), f["explanation"]!.GetValue<string>()));
        Assert.Equal((0, "Has a fee."), paintingReasons["cost"]);
        Assert.Equal((0, "Offered in en; not in fr."), paintingReasons["language"]);
        Assert.Equal((0, "Meets Monday 10:00–12:00, outside the times they are free."), paintingReasons["schedule"]);

        // The journey shows what was recorded.
        var shown = await Api.GetJourneyAsync(fixture.Client, journey);
        Assert.Equal(["cost", "mobility"], shown["barriers"]!["barriers"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("09:00", shown["barriers"]!["availability"]![0]!["from"]!.GetValue<string>());
        Assert.NotNull(recorded);
    }

    [Fact]
    public async Task Reading_matches_is_an_audited_access_to_the_persons_record()
    {
        var journey = await Api.EngagedJourneyAsync(fixture.Client);

        await MatchesAsync(journey);

        await Api.EventuallyAsync(
            async () =>
            {
                using var response = await fixture.Factory.SendAsAsync(
                    HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/audit?journeyId={journey}&pageSize=1000", "privacy-reader", [AccessRoles.PrivacyOfficer]);
                return (await Api.ReadAsync(response))["items"]!.AsArray().Any(i => i!["category"]!.GetValue<string>() == "matches" && i["action"]!.GetValue<string>() == "read");
            },
            "the matches read in the audit log");
    }

    [Fact]
    public async Task Without_barriers_the_persons_language_and_postal_code_still_count_and_bad_input_is_refused()
    {
        var journey = await Api.EngagedJourneyAsync(fixture.Client);

        var matches = await MatchesAsync(journey, "?limit=3");
        Assert.Equal(["fr"], matches["basis"]!["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.True(matches["matches"]!.AsArray().Count <= 3);

        using var zero = await fixture.Client.GetAsync($"{Api.Journeys()}/{journey}/matches?limit=0", Token);
        Assert.Equal(["limit"], Api.Fields(await Api.ProblemAsync(zero, HttpStatusCode.BadRequest)));
        using var unknown = await fixture.Client.GetAsync($"{Api.Journeys()}/{Guid.NewGuid()}/matches", Token);
        await Api.ProblemAsync(unknown, HttpStatusCode.NotFound);
        using var bad = await Api.CommandAsync(fixture.Client, journey, "record-barriers", new
        {
            barriers = new[] { "weather" },
            languages = new[] { "french" },
            availability = new[] { new { day = "tuesday", from = "12:00", to = "09:00" } },
            latitude = 45.0,
        });
        Assert.Equal(
            ["availability[0].to", "barriers[0]", "languages[0]", "longitude"],
            Api.Fields(await Api.ProblemAsync(bad, HttpStatusCode.BadRequest)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_chosen_program_goes_on_the_persons_prescription_with_what_the_directory_says_of_it()
    {
        var garden = Service("Jardin des Prairies", kmNorth: 0.3, byday: "WE", description: "A community garden. Un jardin communautaire.");
        garden["email"] = "jardin@example.org";
        await ImportAsync(garden);
        var journey = await Api.EngagedJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "record-barriers", new { interests = new[] { "gardening" }, latitude = Latitude, longitude = Longitude });
        var best = (await MatchesAsync(journey))["matches"]![0]!;
        Assert.Equal(garden["id"]!.GetValue<string>(), best["serviceId"]!.GetValue<string>());

        // Addressed from the directory: the referral takes the program's name, service and organization from it.
        await Api.CommandOkAsync(fixture.Client, journey, "make-community-referral", new { serviceAtLocationId = best["serviceAtLocationId"]!.GetValue<string>() });
        var program = (await Api.GetJourneyAsync(fixture.Client, journey))["communityReferrals"]![0]!["program"]!;
        Assert.Equal(("Jardin des Prairies", garden["id"]!.GetValue<string>(), best["serviceAtLocationId"]!.GetValue<string>()),
            (program["name"]!.GetValue<string>(), program["serviceId"]!.GetValue<string>(), program["serviceAtLocationId"]!.GetValue<string>()));
        using var unknown = await Api.CommandAsync(fixture.Client, journey, "make-community-referral", new { serviceAtLocationId = Guid.NewGuid() });
        Assert.Equal(["serviceAtLocationId"], Api.Fields(await Api.ProblemAsync(unknown, HttpStatusCode.BadRequest)));

        using var prescription = await fixture.Client.GetAsync($"{Api.Journeys()}/{journey}/documents/social-prescription?lang=fr", Token);
        var html = await prescription.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, prescription.StatusCode);
        Assert.Contains("Jardin des Prairies hall", html);
        Assert.Contains("mercredi, 10 h 00 à 12 h 00", html);
        Assert.Contains("<dd>gratuit</dd>", html);
        Assert.Contains("jardin@example.org", html);

        using var letter = await fixture.Client.GetAsync($"{Api.Journeys()}/{journey}/documents/referrer-discharge?lang=en", Token);
        var discharge = await letter.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        // The sample referral's person, by the two identifiers a clinic files a letter under.
        Assert.Contains("Marie Tremblay", discharge);
        Assert.Contains("March 14, 1948", discharge);
    }
}
