using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Application.CommunityDirectory.Matching;
using SocialPrescribing.CommunityDirectory.Import;
using SocialPrescribing.CommunityDirectory.Services;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.CommunityDirectory.Tests.Matching;

public sealed class ProgramMatcherTests
{
    private static readonly MatchOrigin Home = new(53.5444, -113.4909, "home");

    private static MatchProfile Person(
        AccessBarrier[]? barriers = null, string[]? interests = null, AvailabilityWindow[]? free = null, string[]? partners = null, string[]? languages = null) =>
        new(70, interests ?? [], [], languages ?? ["en"], barriers ?? [], free ?? [], Home, 10_000, partners ?? []);

    /// <summary>A service <paramref name="kmEast"/> km east of home, as the store and the facts reader would give it.</summary>
    private static (DirectoryServiceRecord, DirectoryServiceFacts) Program(
        string name, double kmEast = 1, decimal fee = 0, string language = "en", string? byday = null, bool online = false, bool accessible = false, JsonArray? areas = null)
    {
        var location = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["location_type"] = online ? "virtual" : "physical",
            ["latitude"] = Home.Latitude,
            ["longitude"] = Home.Longitude + (kmEast / (111.195 * Math.Cos(Home.Latitude * Math.PI / 180))),
        };
        if (accessible)
        {
            location["accessibility"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["description"] = "Ramp." });
        }

        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["status"] = "active",
            ["languages"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["code"] = language }),
            ["cost_options"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["amount"] = fee }),
            ["service_at_locations"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location"] = location }),
        };
        if (areas is not null)
        {
            service["service_areas"] = areas;
        }

        if (byday is not null)
        {
            service["schedules"] = new JsonArray(new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["byday"] = byday, ["opens_at"] = "18:00", ["closes_at"] = "20:00" });
        }

        var valid = Assert.Single(HsdsServiceReader.Read(JsonSerializer.SerializeToElement(new JsonArray(service))).Services);
        var facts = DirectoryServiceFacts.From(valid);
        return (new DirectoryServiceRecord(valid.Id, null, name, "active", null, null, "free", null, null, facts.SearchText, service.ToJsonString()), facts);
    }

    private static IReadOnlyList<ProgramMatch> Rank(MatchProfile person, params (DirectoryServiceRecord, DirectoryServiceFacts)[] programs) =>
        ProgramMatcher.Rank(person, programs, MatchingSettings.Default, 10);

    private static MatchFactor Factor(ProgramMatch match, string factor) => Assert.Single(match.Factors, f => f.Factor == factor);

    [Fact]
    public void Interests_find_programs_by_the_stem_of_their_words_accents_and_case_aside()
    {
        var ranked = Rank(Person(interests: ["Gardening", "théâtre"]), Program("Community garden plots"), Program("THEATRE club"), Program("Knitting circle"));

        Assert.Equal(["Community garden plots", "THEATRE club", "Knitting circle"], ranked.Select(m => m.Name));
        Assert.Equal("Matches “Gardening”.", Factor(ranked[0], ProgramMatcher.Interest).Explanation);
        Assert.Equal(0, Factor(ranked[2], ProgramMatcher.Interest).Score);
    }

    [Fact]
    public void A_cost_barrier_prefers_what_is_free_and_without_it_cost_does_not_count()
    {
        var free = Program("Free walk");
        var paid = Program("Paid walk", fee: 15);

        var withBarrier = Rank(Person([AccessBarrier.Cost]), paid, free);
        var without = Rank(Person(), paid, free);

        Assert.Equal(["Free walk", "Paid walk"], withBarrier.Select(m => m.Name));
        Assert.Equal(("Has a fee.", 0.0), (Factor(withBarrier[1], ProgramMatcher.Cost).Explanation, Factor(withBarrier[1], ProgramMatcher.Cost).Score));
        Assert.All(without, m => Assert.DoesNotContain(m.Factors, f => f.Factor == ProgramMatcher.Cost));
        Assert.Equal(without[0].Score, without[1].Score);
    }

    [Fact]
    public void Without_transport_a_partner_or_walking_distance_is_what_gets_them_there()
    {
        var near = Program("Near", kmEast: 1);
        var far = Program("Far", kmEast: 8);

        var alone = Rank(Person([AccessBarrier.Transport]), near, far);
        var withPartner = Rank(Person([AccessBarrier.Transport], partners: ["contoso-rides"]), far);

        Assert.Equal((1.0, "Within walking distance (1.0 km)."), (Factor(alone[0], ProgramMatcher.Transport).Score, Factor(alone[0], ProgramMatcher.Transport).Explanation));
        Assert.Equal((0.0, "No transport partner is enabled, and it is 8.0 km away."), (Factor(alone[1], ProgramMatcher.Transport).Score, Factor(alone[1], ProgramMatcher.Transport).Explanation));
        Assert.Equal("A trip can be booked with contoso-rides.", Factor(withPartner[0], ProgramMatcher.Transport).Explanation);
    }

    [Fact]
    public void The_schedule_counts_against_the_times_they_are_free_and_digital_access_against_online_only()
    {
        var evenings = new AvailabilityWindow(Weekday.Wednesday, new TimeOnly(17, 0), new TimeOnly(21, 0));
        var wednesday = Program("Wednesday choir", byday: "WE");
        var monday = Program("Monday choir", byday: "MO");
        var online = Program("Online choir", online: true);

        var ranked = Rank(Person([AccessBarrier.DigitalAccess], free: [evenings]), monday, online, wednesday);

        Assert.Equal("Wednesday choir", ranked[0].Name);
        Assert.Equal("Meets Wednesday 18:00–20:00, when they are free.", Factor(ranked[0], ProgramMatcher.Schedule).Explanation);
        Assert.Equal(0, Factor(ranked.Single(m => m.Name == "Monday choir"), ProgramMatcher.Schedule).Score);
        Assert.Equal(("Online only.", 0.0), (Factor(ranked.Single(m => m.Name == "Online choir"), ProgramMatcher.DigitalAccess).Explanation, Factor(ranked.Single(m => m.Name == "Online choir"), ProgramMatcher.DigitalAccess).Score));
    }

    [Fact]
    public void Languages_written_with_two_or_three_letters_compare_and_a_language_barrier_weighs_double()
    {
        var french = Program("Club de lecture", language: "fra");
        var english = Program("Book club", language: "eng");

        var ranked = Rank(Person([AccessBarrier.Language], languages: ["fr"]), english, french);

        Assert.Equal(["Club de lecture", "Book club"], ranked.Select(m => m.Name));
        Assert.Equal((1.0, 4.0, "Offered in fr."), (Factor(ranked[0], ProgramMatcher.Language).Score, Factor(ranked[0], ProgramMatcher.Language).Weight, Factor(ranked[0], ProgramMatcher.Language).Explanation));
    }

    [Fact]
    public void A_weight_of_zero_leaves_a_factor_out_and_ties_go_to_the_nearer_then_by_name()
    {
        var settings = MatchingSettings.Default with { Distance = 0 };
        var ranked = ProgramMatcher.Rank(Person(), [Program("B far", kmEast: 5), Program("A far", kmEast: 5), Program("Near", kmEast: 1)], settings, 10);

        Assert.All(ranked, m => Assert.DoesNotContain(m.Factors, f => f.Factor == ProgramMatcher.Distance));
        Assert.Equal(["Near", "A far", "B far"], ranked.Select(m => m.Name));
    }

    [Fact]
    public void Service_areas_are_a_hard_filter_when_they_can_be_judged()
    {
        // A square of about 20 km around home, and one far to the south.
        static JsonObject Square(double latitude, double longitude, double half) => new()
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "Area",
            ["extent_type"] = "geojson",
            ["extent"] = new JsonObject
            {
                ["type"] = "Polygon",
                ["coordinates"] = new JsonArray(new JsonArray(
                    new JsonArray(longitude - half, latitude - half), new JsonArray(longitude + half, latitude - half),
                    new JsonArray(longitude + half, latitude + half), new JsonArray(longitude - half, latitude + half),
                    new JsonArray(longitude - half, latitude - half))),
            }.ToJsonString(),
        };
        static JsonObject Codes(string codes) => new() { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Codes", ["extent_type"] = "text", ["extent"] = codes };
        var here = Program("Here", areas: [Square(Home.Latitude, Home.Longitude, 0.1)]);
        var there = Program("There", areas: [Square(Home.Latitude - 5, Home.Longitude, 0.1)]);
        var codes = Program("Codes", areas: [Codes("T5J, T5K")]);
        var otherCodes = Program("Other codes", areas: [Codes("T2P")]);
        var unjudged = Program("Unjudged", areas: [new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "All of Edmonton", ["extent_type"] = "text", ["extent"] = "All of Edmonton and area" }]);
        var person = Person() with { PostalCode = "t5k 2j1" };

        var ranked = Rank(person, here, there, codes, otherCodes, unjudged).Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(["Codes", "Here", "Unjudged"], ranked);
        // Without a postal code, the areas that list codes cannot be judged and exclude no one.
        Assert.Contains("Other codes", Rank(Person(), otherCodes).Select(m => m.Name));
    }

    [Fact]
    public void The_ranking_is_the_same_every_time()
    {
        var programs = Enumerable.Range(0, 30).Select(i => Program($"Program {i % 7}", kmEast: i % 5, fee: i % 3, byday: i % 2 == 0 ? "TU" : null)).ToArray();
        var person = Person([AccessBarrier.Cost, AccessBarrier.Mobility], interests: ["program"], free: [new AvailabilityWindow(Weekday.Tuesday, new TimeOnly(9, 0), new TimeOnly(21, 0))]);

        var first = Rank(person, programs).Select(m => m.ServiceId);
        var again = Rank(person, [.. programs.Reverse()]).Select(m => m.ServiceId);

        Assert.Equal(first, again);
    }
}
