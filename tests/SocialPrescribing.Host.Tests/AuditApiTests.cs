using System.Net;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The audit log end to end: every access to a person's record through the API leaves an entry (reads, caseload rows,
/// documents, commands, refusals), and privacy officers read it as a search, an access report and a FHIR export.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuditApiTests(HostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Audit(string tenant = Api.Tenant) => $"/api/v1/tenants/{tenant}/audit";

    private static string NewSubject(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string subject, IEnumerable<string> roles, object? body = null, string tenant = Api.Tenant) =>
        fixture.Factory.SendAsAsync(method, path, subject, roles, body, tenant);

    private Task<HttpResponseMessage> GetAsync(string path, string subject, params string[] roles) => SendAsync(HttpMethod.Get, path, subject, roles);

    /// <summary>The entries the privacy officer finds for a query string, as (actor, category, action, outcome, journey).</summary>
    private async Task<List<(string Actor, string Category, string Action, string Outcome, Guid? Journey)>> EntriesAsync(string query)
    {
        using var response = await GetAsync($"{Audit()}?{query}&pageSize=1000", "privacy-reader", AccessRoles.PrivacyOfficer);
        var items = (await Api.ReadAsync(response))["items"]!.AsArray();
        return [.. items.Select(i => (
            i!["actor"]!.GetValue<string>(),
            i["category"]!.GetValue<string>(),
            i["action"]!.GetValue<string>(),
            i["outcome"]!.GetValue<string>(),
            i["journeyId"]?.GetValue<Guid>()))];
    }

    [Fact]
    public async Task Every_read_and_change_of_a_record_through_the_api_leaves_an_entry_naming_who_what_and_whose()
    {
        var worker = NewSubject("lw-audit");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });
        string[] linkWorker = [AccessRoles.LinkWorker];

        using (var read = await GetAsync($"{Api.Journeys()}/{journey}", worker, linkWorker))
        using (var caseload = await GetAsync(Api.Journeys(), worker, linkWorker))
        using (var document = await GetAsync($"{Api.Journeys()}/{journey}/documents/plan-summary", worker, linkWorker))
        using (var assessments = await GetAsync($"{Api.Journeys()}/{journey}/assessments", worker, linkWorker))
        using (var trips = await GetAsync($"{Api.Journeys()}/{journey}/transport/bookings", worker, linkWorker))
        using (var contact = await SendAsync(HttpMethod.Post, $"{Api.Journeys()}/{journey}/record-contact-attempt", worker, linkWorker, new { outcome = "no-answer" }))
        {
            Assert.All([read, caseload, document, assessments, trips], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.True(contact.IsSuccessStatusCode, await contact.Content.ReadAsStringAsync(Token));
        }

        var entries = await EntriesAsync($"user={worker}");
        Assert.Equal(
            [
                (worker, "journey", "read", "allowed", journey),
                (worker, "caseload", "list", "allowed", journey),
                (worker, "document", "print", "allowed", journey),
                (worker, "assessment", "read", "allowed", journey),
                (worker, "transport", "read", "allowed", journey),
                (worker, "journey", "record-contact-attempt", "allowed", journey),
            ],
            entries);

        var creator = await EntriesAsync($"journeyId={journey}&user={TestTokens.DefaultCaller}");
        Assert.Contains((TestTokens.DefaultCaller, "journey", "receive-referral", "allowed", journey), creator);
        Assert.Contains((TestTokens.DefaultCaller, "journey", "accept", "allowed", journey), creator);
    }

    [Fact]
    public async Task A_stated_purpose_of_use_is_kept_with_the_entry_and_exported_by_its_hl7_code_and_an_unknown_one_is_a_400()
    {
        var worker = NewSubject("lw-purpose");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });
        using var http = fixture.Factory.CreateClient();

        foreach (var (value, status) in new[] { ("Care-Coordination", HttpStatusCode.OK), ("gossip", HttpStatusCode.BadRequest) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api.Journeys()}/{journey}");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, worker, [AccessRoles.LinkWorker]));
            request.Headers.Add("Purpose-Of-Use", value);
            using var response = await http.SendAsync(request, Token);
            Assert.Equal(status, response.StatusCode);
            if (status == HttpStatusCode.BadRequest)
            {
                Assert.Equal(["Purpose-Of-Use"], Api.Fields(await Api.ProblemAsync(response, HttpStatusCode.BadRequest)));
            }
        }

        using var search = await GetAsync($"{Audit()}?user={worker}", "privacy-reader", AccessRoles.PrivacyOfficer);
        var entry = Assert.Single((await Api.ReadAsync(search))["items"]!.AsArray())!;
        Assert.Equal("care-coordination", entry["purpose"]!.GetValue<string>());
        using var export = await GetAsync($"{Audit()}/fhir?user={worker}", "privacy-reader", AccessRoles.PrivacyOfficer);
        var coding = (await Api.ReadAsync(export))["entry"]![0]!["resource"]!["purposeOfEvent"]![0]!["coding"]![0]!;
        Assert.Equal(("http://terminology.hl7.org/CodeSystem/v3-ActReason", "COC"), (coding["system"]!.GetValue<string>(), coding["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_entry_carries_the_roles_client_request_id_and_source_address()
    {
        var worker = NewSubject("lw-fields");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });
        using (var read = await GetAsync($"{Api.Journeys()}/{journey}", worker, AccessRoles.LinkWorker))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var response = await GetAsync($"{Audit()}?user={worker}", "privacy-reader", AccessRoles.PrivacyOfficer);
        var entry = Assert.Single((await Api.ReadAsync(response))["items"]!.AsArray())!;
        Assert.Equal(AccessRoles.LinkWorker, entry["roles"]!.GetValue<string>());
        Assert.Equal("sp-tests", entry["client"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(entry["requestId"]?.GetValue<string>()));
        Assert.Equal(64, entry["hash"]!.GetValue<string>().Length);
        Assert.True(entry["sequence"]!.GetValue<long>() > 0);
        // Stamped by the host's clock (the test's fake one), in UTC.
        var at = entry["at"]!.GetValue<DateTimeOffset>();
        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.InRange(at, fixture.Factory.Time.GetUtcNow().AddDays(-1), fixture.Factory.Time.GetUtcNow());
    }

    [Fact]
    public async Task Refusals_are_entries_too_out_of_scope_wrong_role_and_another_tenant()
    {
        var worker = NewSubject("lw-refused");
        var others = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, others, "accept", new { linkWorkerId = "lw-somebody-else" });

        using (var outOfScope = await GetAsync($"{Api.Journeys()}/{others}", worker, AccessRoles.LinkWorker))
        using (var command = await SendAsync(HttpMethod.Post, $"{Api.Journeys()}/{others}/record-contact-attempt", worker, [AccessRoles.LinkWorker], new { outcome = "no-answer" }))
        using (var caseload = await GetAsync($"{Api.Journeys()}?linkWorker=lw-somebody-else", worker, AccessRoles.LinkWorker))
        using (var wrongRole = await GetAsync($"{Api.Journeys()}/{others}/assessments", worker, AccessRoles.Referrer))
        using (var otherTenant = await GetAsync($"{Api.Journeys("on")}/{others}", worker, AccessRoles.LinkWorker))
        {
            Assert.Equal(HttpStatusCode.Forbidden, outOfScope.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, command.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, caseload.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, otherTenant.StatusCode);
        }

        var entries = await EntriesAsync($"user={worker}&outcome=denied");
        Assert.Equal(
            [
                (worker, "journey", "read", "denied", others),
                (worker, "journey", "record-contact-attempt", "denied", others),
                (worker, "caseload", "list", "denied", null),
                (worker, "assessments", "request", "denied", others),
                (worker, "other-tenant", "request", "denied", others),
            ],
            entries);
        Assert.Empty(await EntriesAsync($"user={worker}&outcome=allowed"));
    }

    [Fact]
    public async Task Only_privacy_officers_read_the_log_and_their_reading_is_logged()
    {
        var supervisor = NewSubject("sup");
        using (var refused = await GetAsync(Audit(), supervisor, AccessRoles.Supervisor, AccessRoles.TenantAdmin))
        {
            await Api.ProblemAsync(refused, HttpStatusCode.Forbidden);
        }

        var officer = NewSubject("privacy");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        using (var search = await GetAsync($"{Audit()}?journeyId={journey}", officer, AccessRoles.PrivacyOfficer))
        {
            Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        }

        Assert.Contains((officer, "audit", "search", "allowed", journey), await EntriesAsync($"user={officer}"));
        Assert.Contains((supervisor, "audit", "request", "denied", (Guid?)null), await EntriesAsync($"user={supervisor}"));
    }

    [Fact]
    public async Task Bad_filters_are_400s_naming_the_field()
    {
        foreach (var (query, field) in new[]
        {
            ("from=yesterday", "from"),
            ("to=2026-01-01", "to"),
            ("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"),
            ("journeyId=nope", "journeyId"),
            ("outcome=maybe", "outcome"),
            ("category=Not%20Kebab", "category"),
            ("pageSize=1001", "pageSize"),
            ("page=0", "page"),
        })
        {
            using var response = await GetAsync($"{Audit()}?{query}", "privacy-bad", AccessRoles.PrivacyOfficer);
            var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains(field, Api.Fields(problem));
        }
    }

    [Fact]
    public async Task The_access_report_says_who_dealt_with_the_record_as_json_and_as_a_page_in_french()
    {
        var worker = NewSubject("lw-report");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });
        for (var i = 0; i < 3; i++)
        {
            using var read = await GetAsync($"{Api.Journeys()}/{journey}", worker, AccessRoles.LinkWorker);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var officer = NewSubject("privacy-report");
        using var json = await GetAsync($"{Api.Journeys()}/{journey}/access-report", officer, AccessRoles.PrivacyOfficer);
        var report = await Api.ReadAsync(json);
        var reads = report["accesses"]!.AsArray().Single(l => l!["actor"]!.GetValue<string>() == worker && l["action"]!.GetValue<string>() == "read")!;
        Assert.Equal(3, reads["times"]!.GetValue<int>());
        Assert.Equal("journey", reads["category"]!.GetValue<string>());
        Assert.Contains(report["accesses"]!.AsArray(), l => l!["action"]!.GetValue<string>() == "receive-referral");
        Assert.Contains(report["accesses"]!.AsArray(), l => l!["actor"]!.GetValue<string>() == officer && l["category"]!.GetValue<string>() == "audit");
        Assert.False(report["truncated"]!.GetValue<bool>());

        using var page = await GetAsync($"{Api.Journeys()}/{journey}/access-report?format=html&lang=fr", officer, AccessRoles.PrivacyOfficer);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Qui a consulté ce dossier", html, StringComparison.Ordinal);
        Assert.Contains("a consulté le dossier", html, StringComparison.Ordinal);
        Assert.Contains(worker, html, StringComparison.Ordinal);

        using var badFormat = await GetAsync($"{Api.Journeys()}/{journey}/access-report?format=pdf", officer, AccessRoles.PrivacyOfficer);
        Assert.Contains("format", Api.Fields(await Api.ProblemAsync(badFormat, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task The_fhir_export_is_a_bundle_of_audit_events_with_agent_patient_and_chain_details()
    {
        var worker = NewSubject("lw-fhir");
        var journey = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = worker });
        using (var read = await GetAsync($"{Api.Journeys()}/{journey}", worker, AccessRoles.LinkWorker))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var response = await GetAsync($"{Audit()}/fhir?journeyId={journey}&pageSize=2", "privacy-fhir", AccessRoles.PrivacyOfficer);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        var bundle = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject();
        Assert.Equal("Bundle", bundle["resourceType"]!.GetValue<string>());
        Assert.Equal("searchset", bundle["type"]!.GetValue<string>());
        Assert.True(bundle["total"]!.GetValue<long>() >= 4);
        var next = bundle["link"]!.AsArray().Single(l => l!["relation"]!.GetValue<string>() == "next")!["url"]!.GetValue<string>();
        Assert.Contains($"journeyId={journey}", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);

        var first = bundle["entry"]!.AsArray()[0]!["resource"]!;
        Assert.Equal("AuditEvent", first["resourceType"]!.GetValue<string>());
        Assert.Equal("rest", first["type"]!["code"]!.GetValue<string>());
        Assert.Equal("C", first["action"]!.GetValue<string>());
        Assert.Equal("0", first["outcome"]!.GetValue<string>());
        var patient = first["entity"]!.AsArray()[0]!;
        Assert.Equal(journey.ToString(), patient["what"]!["identifier"]!["value"]!.GetValue<string>());
        Assert.Equal("1", patient["role"]!["code"]!.GetValue<string>());
        Assert.Contains(patient["detail"]!.AsArray(), d => d!["type"]!.GetValue<string>() == "hash" && d["valueString"]!.GetValue<string>().Length == 64);
        Assert.Equal(TestTokens.DefaultCaller, first["agent"]!.AsArray()[0]!["who"]!["identifier"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_chain_verifies_intact_for_a_privacy_officer()
    {
        await Api.CreateJourneyAsync(fixture.Client);
        using var response = await GetAsync($"{Audit()}/verification", "privacy-verify", AccessRoles.PrivacyOfficer);
        var result = await Api.ReadAsync(response);
        Assert.True(result["intact"]!.GetValue<bool>(), result.ToJsonString());
        Assert.True(result["entries"]!.GetValue<long>() > 0);
        Assert.Equal(result["entries"]!.GetValue<long>(), result["head"]!.GetValue<long>());
    }
}
