using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Jobs;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The loop with community partners closes: a referral made from the directory is addressed to the provider
/// organization; a community partner who answers for it lists and reads it with the minimum needed and answers it; the
/// link worker sees each answer on the journey; a silent provider makes a follow-up; the figures feed the directory.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class PartnerLoopTests(HostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Tenant(string path) => $"/api/v1/tenants/{Api.Tenant}{path}";

    private static string[] Partner => [AccessRoles.CommunityPartner];

    private static string[] Admin => [AccessRoles.TenantAdmin];

    /// <summary>A service of a new organization at a place of its own; returns the organization's and the service at location's ids.</summary>
    private static async Task<(Guid Organization, Guid ServiceAtLocation)> ImportProviderAsync(JourneyHostFactory factory, string name)
    {
        var organization = Guid.NewGuid();
        var serviceAtLocation = Guid.NewGuid();
        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["status"] = "active",
            ["description"] = name + " meets every week.",
            ["organization"] = new JsonObject { ["id"] = organization.ToString(), ["name"] = name + " Society", ["description"] = "A community organization." },
            ["service_at_locations"] = new JsonArray(new JsonObject
            {
                ["id"] = serviceAtLocation.ToString(),
                ["location"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["name"] = name + " hall" },
            }),
        };
        using var response = await factory.SendAsAsync(HttpMethod.Post, Tenant("/directory/imports"), "loop-admin", Admin, new JsonArray(service));
        Assert.Equal(0, (await Api.ReadAsync(response))["rejected"]!.GetValue<int>());
        return (organization, serviceAtLocation);
    }

    private static async Task<Guid> ReferAsync(HttpClient http, Guid journey, Guid serviceAtLocation)
    {
        await Api.CommandOkAsync(http, journey, "make-community-referral", new { serviceAtLocationId = serviceAtLocation, notes = "Prefers mornings; hard of hearing." });
        var referrals = (await Api.GetJourneyAsync(http, journey))["communityReferrals"]!.AsArray();
        return referrals[^1]!["id"]!.GetValue<Guid>();
    }

    private static async Task<HttpResponseMessage> AnswerAsync(JourneyHostFactory factory, string partner, Guid referral, object body) =>
        await factory.SendAsAsync(HttpMethod.Post, Tenant($"/partner/referrals/{referral}/answers"), partner, Partner, body);

    private static async Task<HttpResponseMessage> AnswerWithKeyAsync(JourneyHostFactory factory, Guid referral, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Tenant($"/partner/referrals/{referral}/answers")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(factory.DataDirectory, Api.Tenant, "loop-partner", Partner));
        request.Headers.Add("Idempotency-Key", key);
        using var http = factory.CreateClient();
        return await http.SendAsync(request, Token);
    }

    private static async Task SetMemberAsync(JourneyHostFactory factory, string member, params Guid[] organizations)
    {
        using var response = await factory.SendAsAsync(HttpMethod.Put, Tenant($"/directory/partners/{member}"), "loop-admin", Admin, new { organizationIds = organizations });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_provider_answers_the_referrals_addressed_to_it_and_the_link_worker_sees_each_answer()
    {
        var factory = fixture.Factory;
        var (organization, place) = await ImportProviderAsync(factory, "Loop Walking Club");
        var journey = await Api.EngagedJourneyAsync(fixture.Client);
        var referral = await ReferAsync(fixture.Client, journey, place);
        var program = (await Api.GetJourneyAsync(fixture.Client, journey))["communityReferrals"]![0]!["program"]!;
        Assert.Equal(organization, program["organizationId"]!.GetValue<Guid>());

        // A community partner who answers for no organization is refused; a tenant admin names their organization.
        using (var refused = await factory.SendAsAsync(HttpMethod.Get, Tenant("/partner/referrals"), "loop-partner", Partner))
        {
            await Api.ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        using (var unknown = await factory.SendAsAsync(HttpMethod.Put, Tenant("/directory/partners/loop-partner"), "loop-admin", Admin, new { organizationIds = new[] { Guid.NewGuid() } }))
        {
            Assert.Equal(["organizationIds"], Api.Fields(await Api.ProblemAsync(unknown, HttpStatusCode.BadRequest)));
        }

        using (var notAdmin = await factory.SendAsAsync(HttpMethod.Put, Tenant("/directory/partners/loop-partner"), "loop-partner", Partner, new { organizationIds = new[] { organization } }))
        {
            await Api.ProblemAsync(notAdmin, HttpStatusCode.Forbidden);
        }

        await SetMemberAsync(factory, "loop-partner", organization);
        using (var members = await factory.SendAsAsync(HttpMethod.Get, Tenant("/directory/partners"), "loop-admin", Admin))
        {
            var member = (await Api.ReadArrayAsync(members)).Single(m => m!["memberId"]!.GetValue<string>() == "loop-partner")!;
            Assert.Equal(organization, member["organizationIds"]![0]!.GetValue<Guid>());
            Assert.Equal("loop-admin", member["setBy"]!.GetValue<string>());
        }

        // The partner lists it with the person's name and the answers it may give, and reads the minimum it needs.
        using (var list = await factory.SendAsAsync(HttpMethod.Get, Tenant("/partner/referrals"), "loop-partner", Partner))
        {
            var item = (await Api.ReadAsync(list))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<Guid>() == referral)!;
            Assert.Equal("Marie Tremblay", item["person"]!.GetValue<string>());
            Assert.Equal("requested", item["status"]!.GetValue<string>());
            Assert.Equal(["accepted", "declined", "waitlisted"], item["answers"]!.AsArray().Select(a => a!.GetValue<string>()));
        }

        using (var read = await factory.SendAsAsync(HttpMethod.Get, Tenant($"/partner/referrals/{referral}"), "loop-partner", Partner))
        {
            var view = await Api.ReadAsync(read);
            Assert.Equal("Prefers mornings; hard of hearing.", view["notes"]!.GetValue<string>());
            Assert.Equal("Marie", view["person"]!["givenName"]!.GetValue<string>());
            Assert.Equal("lw-42", view["linkWorkerId"]!.GetValue<string>());
            Assert.Null(view["person"]!["birthDate"]);
            Assert.Null(view["person"]!["postalCode"]);
        }

        // Answers the status does not allow are a 409 naming those it does; a decline needs its reason.
        using (var early = await AnswerAsync(factory, "loop-partner", referral, new { answer = "completed" }))
        {
            var problem = await Api.ProblemAsync(early, HttpStatusCode.Conflict);
            Assert.Equal(["accepted", "declined", "waitlisted"], problem["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        }

        using (var noReason = await AnswerAsync(factory, "loop-partner", referral, new { answer = "declined" }))
        {
            Assert.Equal(["reason"], Api.Fields(await Api.ProblemAsync(noReason, HttpStatusCode.BadRequest)));
        }

        using (var badAnswer = await AnswerAsync(factory, "loop-partner", referral, new { answer = "maybe", reason = "sunny" }))
        {
            Assert.Equal(["answer", "reason"], Api.Fields(await Api.ProblemAsync(badAnswer, HttpStatusCode.BadRequest)).Order(StringComparer.Ordinal));
        }

        // A partner of another organization is told nothing of it.
        var (other, _) = await ImportProviderAsync(factory, "Loop Other Club");
        await SetMemberAsync(factory, "loop-other-partner", other);
        using (var elsewhere = await AnswerAsync(factory, "loop-other-partner", referral, new { answer = "accepted" }))
        {
            await Api.ProblemAsync(elsewhere, HttpStatusCode.NotFound);
        }

        using (var waitlisted = await AnswerAsync(factory, "loop-partner", referral, new { answer = "waitlisted", note = "A place opens next month." }))
        {
            Assert.Equal("on-hold", (await Api.ReadAsync(waitlisted))["status"]!.GetValue<string>());
        }

        using (var accepted = await AnswerAsync(factory, "loop-partner", referral, new { answer = "accepted" }))
        {
            Assert.Equal("accepted", (await Api.ReadAsync(accepted))["status"]!.GetValue<string>());
        }

        using (var attended = await AnswerWithKeyAsync(factory, referral, "attended-2026-session-1", new { answer = "attended" }))
        {
            var view = await Api.ReadAsync(attended);
            Assert.Equal(("in-progress", 1), (view["status"]!.GetValue<string>(), view["sessionsAttended"]!.GetValue<int>()));
        }

        // A retry with the same Idempotency-Key is the same answer, not a second session.
        using (var retried = await AnswerWithKeyAsync(factory, referral, "attended-2026-session-1", new { answer = "attended" }))
        {
            Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(1, (await Api.ReadAsync(retried))["sessionsAttended"]!.GetValue<int>());
        }

        // Every list, read and answer of the partner is in the audit log, on the person's record.
        await Api.EventuallyAsync(
            async () =>
            {
                using var audit = await factory.SendAsAsync(
                    HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/audit?journeyId={journey}&user=loop-partner&pageSize=1000", "loop-privacy", [AccessRoles.PrivacyOfficer]);
                var entries = (await Api.ReadAsync(audit))["items"]!.AsArray().Select(i => $"{i!["category"]}/{i["action"]}").ToHashSet();
                return entries.IsSupersetOf(["partner-referral/list", "partner-referral/read", "journey/answer-community-referral"]);
            },
            "the partner's accesses in the audit log");

        // The link worker sees every answer on the journey, by whom and when.
        var shown = await Api.GetJourneyAsync(fixture.Client, journey);
        var onJourney = shown["communityReferrals"]![0]!;
        Assert.Equal(("in-progress", "attended", "A place opens next month."),
            (onJourney["status"]!.GetValue<string>(), onJourney["partnerAnswer"]!.GetValue<string>(), onJourney["partnerNote"]!.GetValue<string>()));
        Assert.NotNull(onJourney["startedAt"]);
        var answers = shown["timeline"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "CommunityReferralAnswered").ToList();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, e => Assert.Equal("loop-partner", e!["actor"]!.GetValue<string>()));

        // The person is connected: the outcome report counts them.
        using (var report = await factory.SendAsAsync(HttpMethod.Get, Tenant("/reports/outcomes"), "loop-supervisor", [AccessRoles.Supervisor]))
        {
            var connections = (await Api.ReadAsync(report))["connections"]!;
            Assert.InRange(connections["connected"]!.GetValue<int>(), 1, connections["referred"]!.GetValue<int>());
            Assert.Contains(connections["byLinkWorker"]!.AsArray(), w => w!["linkWorkerId"]!.GetValue<string>() == "lw-42" && w["connected"]!.GetValue<int>() >= 1);
        }

        // The provider's figures: one referral, answered, taken.
        using var figures = await fixture.Client.GetAsync(Tenant("/directory/providers/responsiveness"), Token);
        var mine = (await Api.ReadArrayAsync(figures)).Single(f => f!["organizationId"]!.GetValue<Guid>() == organization)!;
        Assert.Equal((1, 1, 0, 1.0), (mine["referrals"]!.GetValue<int>(), mine["answered"]!.GetValue<int>(), mine["declined"]!.GetValue<int>(), mine["acceptanceRate"]!.GetValue<double>()));
    }

    [Fact]
    public async Task A_referral_the_person_withholds_from_community_partners_is_not_shown_to_the_provider()
    {
        var factory = fixture.Factory;
        var (organization, place) = await ImportProviderAsync(factory, "Loop Private Choir");
        await SetMemberAsync(factory, "loop-choir-partner", organization);
        var journey = await Api.EngagedJourneyAsync(fixture.Client);
        var referral = await ReferAsync(fixture.Client, journey, place);
        using (var read = await factory.SendAsAsync(HttpMethod.Get, Tenant($"/partner/referrals/{referral}"), "loop-choir-partner", Partner))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        await Api.CommandOkAsync(fixture.Client, journey, "withhold-information", new { parts = new[] { "community-referrals" }, roles = new[] { "community-partner" } });
        using (var hidden = await factory.SendAsAsync(HttpMethod.Get, Tenant($"/partner/referrals/{referral}"), "loop-choir-partner", Partner))
        {
            await Api.ProblemAsync(hidden, HttpStatusCode.NotFound);
        }

        using var list = await factory.SendAsAsync(HttpMethod.Get, Tenant("/partner/referrals?status=all"), "loop-choir-partner", Partner);
        Assert.DoesNotContain((await Api.ReadAsync(list))["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == referral);
        using var answer = await AnswerAsync(factory, "loop-choir-partner", referral, new { answer = "accepted" });
        await Api.ProblemAsync(answer, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_provider_silent_past_the_tenants_deadline_makes_a_follow_up_for_the_link_worker()
    {
        await using var factory = new JourneyHostFactory();
        using var http = factory.CreateAuthenticatedClient();
        var (_, place) = await ImportProviderAsync(factory, "Loop Silent Garden");
        var journey = await Api.EngagedJourneyAsync(http);
        var referral = await ReferAsync(http, journey, place);

        // Nothing is stored for the referral: the sweep finds it from the journey. Four days on (less than five business
        // days, whatever day the test runs) it is not due yet.
        FirstContactJobTests.AssertNoJobFor(factory, referral);
        factory.Time.Advance(TimeSpan.FromDays(4));
        await FirstContactJobTests.SweepThroughHangfireAsync(factory, PartnerResponseSweepJob.RecurringJobId);
        Assert.DoesNotContain((await Api.GetJourneyAsync(http, journey))["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "PartnerResponseOverdue");

        // Ten days on (five business days, a weekend and a holiday fit in nine), twice: one follow-up, and nothing left due.
        factory.Time.Advance(TimeSpan.FromDays(6));
        await FirstContactJobTests.SweepThroughHangfireAsync(factory, PartnerResponseSweepJob.RecurringJobId);
        await FirstContactJobTests.SweepThroughHangfireAsync(factory, PartnerResponseSweepJob.RecurringJobId);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PartnerResponseSweepJob>().RunAsync(TestContext.Current.CancellationToken));
        }

        var shown = await Api.GetJourneyAsync(http, journey);
        Assert.Single(shown["timeline"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "PartnerResponseOverdue");
        var followUp = Assert.Single(shown["followUps"]!.AsArray())!;
        Assert.Equal(referral, followUp["communityReferralId"]!.GetValue<Guid>());
        Assert.NotNull(shown["communityReferrals"]![0]!["responseOverdueAt"]);
    }
}
