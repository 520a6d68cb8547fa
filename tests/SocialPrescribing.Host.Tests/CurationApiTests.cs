using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.CommunityDirectory.Hsds;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Link workers and admins keep the directory true: they add and edit local programs, mark them checked, say whether
/// they take referrals and how many places they have; the HSDS API serves it (schema-valid) and matches weigh it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class CurationApiTests(HostFixture fixture)
{
    // A place of the tests' own in Nunavut, far from every other test's services.
    private const double Latitude = 70.0;
    private const double Longitude = -100.0;

    private static string Directory(string path = "") => $"/api/v1/tenants/{Api.Tenant}/directory{path}";

    private static JsonObject LocalProgram(string name, string? assuredDate = null)
    {
        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["status"] = "active",
            ["description"] = name + ": a knitting circle in the library, no one lists it.",
            ["organization"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = name + " volunteers", ["description"] = "A local group." },
            ["service_at_locations"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["name"] = "Library", ["latitude"] = Latitude, ["longitude"] = Longitude },
            }),
        };
        if (assuredDate is not null)
        {
            service["assured_date"] = assuredDate;
        }

        return service;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role, object? body = null) =>
        fixture.Factory.SendAsAsync(method, path, "curator-" + role, [role], body);

    [Fact]
    public async Task A_link_worker_adds_edits_and_checks_a_local_program_and_the_hsds_api_serves_it()
    {
        var program = LocalProgram("Tricot du mardi");
        var id = program["id"]!.GetValue<string>();
        using (var added = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.LinkWorker, program))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            var body = await Api.ReadAsync(added);
            Assert.Equal(("Tricot du mardi", true), (body["name"]!.GetValue<string>(), body["unverified"]!.GetValue<bool>()));
        }

        using (var twice = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.LinkWorker, program))
        {
            await Api.ProblemAsync(twice, HttpStatusCode.Conflict);
        }

        var nameless = LocalProgram("x");
        nameless.Remove("name");
        using (var invalid = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.LinkWorker, nameless))
        {
            Assert.Contains("/name", Api.Fields(await Api.ProblemAsync(invalid, HttpStatusCode.BadRequest))[0], StringComparison.Ordinal);
        }

        using (var referrer = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.Referrer, LocalProgram("Not theirs")))
        {
            await Api.ProblemAsync(referrer, HttpStatusCode.Forbidden);
        }

        program["name"] = "Tricot du mardi et du jeudi";
        using (var edited = await SendAsync(HttpMethod.Put, Directory($"/services/{id}"), AccessRoles.Supervisor, program))
        {
            Assert.Equal("Tricot du mardi et du jeudi", (await Api.ReadAsync(edited))["name"]!.GetValue<string>());
        }

        using (var otherId = await SendAsync(HttpMethod.Put, Directory($"/services/{Guid.NewGuid()}"), AccessRoles.Supervisor, program))
        {
            Assert.Equal(["/id"], Api.Fields(await Api.ProblemAsync(otherId, HttpStatusCode.BadRequest)));
        }

        using (var unflagged = await SendAsync(HttpMethod.Get, Directory("/curation?unverified=true&per_page=200"), AccessRoles.TenantAdmin))
        {
            Assert.Contains((await Api.ReadAsync(unflagged))["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        }

        using (var verified = await SendAsync(HttpMethod.Post, Directory($"/services/{id}/verification"), AccessRoles.LinkWorker))
        {
            var body = await Api.ReadAsync(verified);
            var today = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);
            Assert.InRange(DateOnly.Parse(body["assuredDate"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), today.AddDays(-1), today);
            Assert.False(body["unverified"]!.GetValue<bool>());
        }

        using (var flagged = await SendAsync(HttpMethod.Get, Directory("/curation?unverified=true&per_page=200"), AccessRoles.TenantAdmin))
        {
            Assert.DoesNotContain((await Api.ReadAsync(flagged))["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == id);
        }

        using var served = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/hsds/services/{id}", AccessRoles.Referrer);
        var hsds = await Api.ReadAsync(served);
        Assert.Equal("Tricot du mardi et du jeudi", hsds["name"]!.GetValue<string>());
        AssertValid(hsds);
    }

    [Fact]
    public async Task A_program_checked_more_than_a_year_ago_is_flagged_unverified()
    {
        var today = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);
        var stale = LocalProgram("Old choir", today.AddMonths(-13).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var fresh = LocalProgram("New choir", today.AddMonths(-11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var program in new[] { stale, fresh })
        {
            using var added = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.TenantAdmin, program);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var flagged = await SendAsync(HttpMethod.Get, Directory("/curation?unverified=true&per_page=200"), AccessRoles.TenantAdmin);
        var ids = (await Api.ReadAsync(flagged))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(stale["id"]!.GetValue<string>(), ids);
        Assert.DoesNotContain(fresh["id"]!.GetValue<string>(), ids);
    }

    [Fact]
    public async Task Referral_intake_and_places_are_served_in_hsds_and_weighed_by_matches()
    {
        var full = LocalProgram("Knitting full");
        var open = LocalProgram("Knitting open");
        foreach (var program in new[] { full, open })
        {
            using var added = await SendAsync(HttpMethod.Post, Directory("/services"), AccessRoles.LinkWorker, program);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var fullId = full["id"]!.GetValue<string>();
        var openId = open["id"]!.GetValue<string>();
        using (var wrong = await SendAsync(HttpMethod.Put, Directory($"/services/{fullId}/intake"), AccessRoles.LinkWorker, new { acceptingReferrals = true, availablePlaces = 9, maximumPlaces = 8 }))
        {
            Assert.Equal(["availablePlaces"], Api.Fields(await Api.ProblemAsync(wrong, HttpStatusCode.BadRequest)));
        }

        using (var missing = await SendAsync(HttpMethod.Put, Directory($"/services/{fullId}/intake"), AccessRoles.LinkWorker, new { waitlist = true }))
        {
            Assert.Equal(["acceptingReferrals"], Api.Fields(await Api.ProblemAsync(missing, HttpStatusCode.BadRequest)));
        }

        using (var set = await SendAsync(HttpMethod.Put, Directory($"/services/{fullId}/intake"), AccessRoles.LinkWorker, new { acceptingReferrals = true, waitlist = true, availablePlaces = 0, maximumPlaces = 12 }))
        {
            var body = await Api.ReadAsync(set);
            Assert.Equal((true, true, 0, 12), (body["acceptingReferrals"]!.GetValue<bool>(), body["waitlist"]!.GetValue<bool>(), body["availablePlaces"]!.GetValue<int>(), body["maximumPlaces"]!.GetValue<int>()));
        }

        using (var set = await SendAsync(HttpMethod.Put, Directory($"/services/{openId}/intake"), AccessRoles.LinkWorker, new { acceptingReferrals = true, availablePlaces = 3, maximumPlaces = 12 }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using (var served = await SendAsync(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/hsds/services/{fullId}", AccessRoles.Referrer))
        {
            var hsds = await Api.ReadAsync(served);
            Assert.Equal(0, hsds["capacities"]![0]!["available"]!.GetValue<int>());
            Assert.True(hsds["referral_intake"]!["waitlist"]!.GetValue<bool>());
            AssertValid(hsds);
        }

        var journey = await Api.EngagedJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "record-barriers", new { interests = new[] { "knitting" }, latitude = Latitude, longitude = Longitude });
        using var response = await fixture.Client.GetAsync($"{Api.Journeys()}/{journey}/matches?limit=50", TestContext.Current.CancellationToken);
        var matches = (await Api.ReadAsync(response))["matches"]!.AsArray();
        JsonNode Capacity(string id) => matches.Single(m => m!["serviceId"]!.GetValue<string>() == id)!["factors"]!.AsArray().Single(f => f!["factor"]!.GetValue<string>() == "capacity")!;
        Assert.Equal((1.0, "3 of 12 places free."), (Capacity(openId)["score"]!.GetValue<double>(), Capacity(openId)["explanation"]!.GetValue<string>()));
        Assert.Equal((0.4, "Full; keeps a waitlist."), (Capacity(fullId)["score"]!.GetValue<double>(), Capacity(fullId)["explanation"]!.GetValue<string>()));
        var order = matches.Select(m => m!["serviceId"]!.GetValue<string>()).ToList();
        Assert.True(order.IndexOf(openId) < order.IndexOf(fullId), "the program with places comes first");
    }

    private static void AssertValid(JsonObject service)
    {
        using var document = JsonDocument.Parse(service.ToJsonString());
        var problems = HsdsSchemas.Check("service", document.RootElement);
        Assert.True(problems.Count == 0, string.Join("; ", problems.Select(p => $"{p.Field}: {p.Reason}")));
    }
}
