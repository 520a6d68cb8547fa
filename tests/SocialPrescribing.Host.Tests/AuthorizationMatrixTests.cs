using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The authorization matrix, generated from the OpenAPI document: every operation, called by every role, on the
/// caller's own record, on another record of the same tenant, and on a record of another tenant, gets the answer the
/// table below expects. An operation without a row fails the test, so a new endpoint cannot ship without one.
/// "Allowed" means the request passed the door: a 2xx, or what the domain answers a request that reached it (400,
/// 409, 422, or a 404 for a sub-resource that does not exist) — never 401, 403 or the 404 of another tenant.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class AuthorizationMatrixTests(HostFixture fixture)
{
    private const string OtherTenant = "on";
    private const string OtherWorker = "lw-matrix-other";

    private static readonly string[] Clinical = [AccessRoles.LinkWorker, AccessRoles.Supervisor];
    private static readonly string[] Everyone = [.. AccessRoles.All];
    private static readonly string[] Curators = [.. Clinical, AccessRoles.ProgramManager, AccessRoles.TenantAdmin, AccessRoles.Operator];
    private static readonly string[] Oversight = [AccessRoles.Supervisor, AccessRoles.ProgramManager];

    /// <summary>
    /// Who may call each operation, and what "own record" means for it. Other roles get 403; another tenant is
    /// always 404; a link worker gets 403 on a journey (or training record) that is not theirs.
    /// </summary>
    private static readonly Dictionary<string, (string[] Roles, Scope Scope)> Matrix = new(StringComparer.Ordinal)
    {
        // Tenant admins see what is installed on the host to choose what their tenant enables.
        ["ListPlugins"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Host),
        ["ListTenantPlugins"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["InvitePerson"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["ListTenants"] = ([AccessRoles.Operator], Scope.Host),
        ["CreateTenant"] = ([AccessRoles.Operator], Scope.Host),
        ["GetTenantSettings"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Settings),
        ["ChangeTenantSettings"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Settings),
        ["ListTenantSettingsChanges"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Settings),
        ["ReceiveReferral"] = ([AccessRoles.Referrer, AccessRoles.LinkWorker, AccessRoles.Supervisor], Scope.Tenant),
        ["GetReferralStatus"] = ([AccessRoles.Referrer, AccessRoles.LinkWorker, AccessRoles.Supervisor], Scope.Referral),
        ["ListJourneys"] = (Clinical, Scope.Tenant),
        ["GetJourney"] = (Clinical, Scope.Journey),
        ["GetJourneyTimeline"] = (Clinical, Scope.Journey),
        ["GetMatches"] = (Clinical, Scope.Journey),
        ["Accept"] = (Clinical, Scope.Journey),
        ["Reassign"] = (Clinical, Scope.Journey),
        ["Decline"] = (Clinical, Scope.Journey),
        ["RecordContactAttempt"] = (Clinical, Scope.Journey),
        ["CloseUnableToContact"] = (Clinical, Scope.Journey),
        ["RecordContact"] = (Clinical, Scope.Journey),
        ["RecordWhatMatters"] = (Clinical, Scope.Journey),
        ["RecordBarriers"] = (Clinical, Scope.Journey),
        ["RecordUnmetNeed"] = (Clinical, Scope.Journey),
        ["GetUnmetNeedsReport"] = (Oversight, Scope.Tenant),
        ["AgreePlan"] = (Clinical, Scope.Journey),
        ["MakeCommunityReferral"] = (Clinical, Scope.Journey),
        ["UpdateCommunityReferral"] = (Clinical, Scope.Journey),
        ["ScheduleFollowUp"] = (Clinical, Scope.Journey),
        ["CompleteFollowUp"] = (Clinical, Scope.Journey),
        ["Discharge"] = (Clinical, Scope.Journey),
        ["RecordConsent"] = (Clinical, Scope.Journey),
        ["WithdrawConsent"] = (Clinical, Scope.Journey),
        ["WithholdInformation"] = (Clinical, Scope.Journey),
        ["ReleaseWithheldInformation"] = (Clinical, Scope.Journey),
        // Break-glass reaches past the journey scope by design (its own tests cover what it opens); the matrix's body
        // is refused for its reason, so that it opens nothing the rows after it would then see.
        ["OpenEmergencyAccess"] = (Clinical, Scope.Tenant),
        ["CancelTransport"] = (Clinical, Scope.Journey),
        ["AcknowledgeSafetyAlert"] = ([AccessRoles.Supervisor], Scope.Journey),
        ["RenderDocument"] = (Clinical, Scope.Journey),
        ["RecordAssessment"] = (Clinical, Scope.Journey),
        ["ListAssessments"] = (Clinical, Scope.Journey),
        ["GetAssessment"] = (Clinical, Scope.Journey),
        ["GetOutcomes"] = (Clinical, Scope.Journey),
        ["QuoteTrip"] = (Clinical, Scope.Journey),
        ["BookTrip"] = (Clinical, Scope.Journey),
        ["ListTrips"] = (Clinical, Scope.Journey),
        ["GetTrip"] = (Clinical, Scope.Journey),
        ["ListOpenSafetyAlerts"] = ([AccessRoles.Supervisor], Scope.Tenant),
        ["GetOutcomeReport"] = (Oversight, Scope.Tenant),
        ["GetActivityReport"] = (Oversight, Scope.Tenant),
        ["SearchAuditLog"] = ([AccessRoles.PrivacyOfficer], Scope.Tenant),
        ["VerifyAuditLog"] = ([AccessRoles.PrivacyOfficer], Scope.Tenant),
        ["ExportAuditEvents"] = ([AccessRoles.PrivacyOfficer], Scope.Tenant),
        ["GetAccessReport"] = ([AccessRoles.PrivacyOfficer], Scope.Journey),
        ["ListTrainingModules"] = (Everyone, Scope.Tenant),
        ["GetTrainingModule"] = (Everyone, Scope.Tenant),
        ["ListInstruments"] = (Clinical, Scope.Tenant),
        ["GetInstrument"] = (Clinical, Scope.Tenant),
        ["ScoreInstrument"] = (Clinical, Scope.Tenant),
        ["GetTrainingRecord"] = (Clinical, Scope.LinkWorker),
        ["StartTrainingModule"] = (Clinical, Scope.LinkWorker),
        ["TakeKnowledgeCheck"] = (Clinical, Scope.LinkWorker),
        ["GetCompetencyProfile"] = (Clinical, Scope.LinkWorker),
        // The directory lists programs, not people: every member of the tenant reads it; admins import into it.
        ["ImportDirectoryServices"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["ListHsdsServices"] = (Everyone, Scope.Tenant),
        ["GetHsdsService"] = (Everyone, Scope.Tenant),
        ["ImportPostalCodes"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["GetHsdsRoot"] = (Everyone, Scope.Tenant),
        ["ListHsdsServiceAtLocations"] = (Everyone, Scope.Tenant),
        ["GetHsdsServiceAtLocation"] = (Everyone, Scope.Tenant),
        ["ListHsdsOrganizations"] = (Everyone, Scope.Tenant),
        ["GetHsdsOrganization"] = (Everyone, Scope.Tenant),
        ["ListHsdsTaxonomies"] = (Everyone, Scope.Tenant),
        ["GetHsdsTaxonomy"] = (Everyone, Scope.Tenant),
        ["ListHsdsTaxonomyTerms"] = (Everyone, Scope.Tenant),
        ["GetHsdsTaxonomyTerm"] = (Everyone, Scope.Tenant),
        // Community partners answer referrals addressed to their organizations; admins say which; link workers see the figures.
        ["ListPartnerReferrals"] = ([AccessRoles.CommunityPartner], Scope.Tenant),
        ["GetPartnerReferral"] = ([AccessRoles.CommunityPartner], Scope.Tenant),
        ["AnswerPartnerReferral"] = ([AccessRoles.CommunityPartner], Scope.Tenant),
        ["ListPartnerMembers"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["SetPartnerMember"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["ListProviderResponsiveness"] = (Clinical, Scope.Tenant),
        // Curation keeps programs true: link workers, supervisors, program managers and admins.
        ["AddDirectoryService"] = (Curators, Scope.Tenant),
        ["ReplaceDirectoryService"] = (Curators, Scope.Tenant),
        ["VerifyDirectoryService"] = (Curators, Scope.Tenant),
        ["SetDirectoryServiceIntake"] = (Curators, Scope.Tenant),
        ["ListDirectoryFeeds"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["RunDirectoryFeed"] = ([AccessRoles.TenantAdmin, AccessRoles.Operator], Scope.Tenant),
        ["ListCuratedServices"] = (Curators, Scope.Tenant),
    };

    /// <summary>Bodies that would be accepted in the right state, so a refusal can only come from the door.</summary>
    private static readonly Dictionary<string, object> Bodies = new(StringComparer.Ordinal)
    {
        ["ReceiveReferral"] = Api.Referral(),
        // Assigned to whoever holds the record already, so the matrix's journeys keep their owners.
        ["Accept"] = new { linkWorkerId = "{owner}" },
        ["Reassign"] = new { linkWorkerId = "{owner}" },
        ["Decline"] = new { reason = "Not for us" },
        ["RecordContactAttempt"] = new { outcome = "no-answer" },
        ["CloseUnableToContact"] = new { reason = "No answer" },
        ["RecordContact"] = new { mode = "phone", purpose = "introduction" },
        ["RecordWhatMatters"] = new { items = new[] { "Company" } },
        ["RecordBarriers"] = new { barriers = new[] { "transport" } },
        ["RecordUnmetNeed"] = new { need = "legal-advice" },
        ["AgreePlan"] = new { goals = new[] { "Meet people" } },
        ["MakeCommunityReferral"] = new { program = new { name = "Peer support circle" } },
        ["UpdateCommunityReferral"] = new { communityReferralId = Guid.NewGuid(), status = "completed" },
        ["ScheduleFollowUp"] = new { dueOn = "{dueOn}" },
        ["CompleteFollowUp"] = new { followUpId = Guid.NewGuid(), notes = "Walked twice." },
        ["Discharge"] = new { reason = "Goals met" },
        ["RecordConsent"] = new { referrerSharing = "status-only", researchUse = false },
        ["WithdrawConsent"] = new { scopes = new[] { "research" } },
        ["WithholdInformation"] = new { parts = new[] { "notes" }, roles = new[] { "community-partner" } },
        ["ReleaseWithheldInformation"] = new { directiveId = Guid.NewGuid() },
        ["OpenEmergencyAccess"] = new { reason = "x" },
        ["CancelTransport"] = new { tripId = Guid.NewGuid(), reason = "Not needed" },
        ["AcknowledgeSafetyAlert"] = new { alertId = Guid.NewGuid(), note = "Seen." },
        ["RecordAssessment"] = new { instrument = "gad7", timepoint = "baseline", responses = new[] { 0, 0, 0, 0, 0, 0, 0 } },
        ["ScoreInstrument"] = new { responses = new[] { 0, 0, 0, 0, 0, 0, 0 } },
        ["InvitePerson"] = new { userName = "mx-invited", displayName = "Invited Person", roles = new[] { "link-worker" } },
        ["TakeKnowledgeCheck"] = new { answers = new Dictionary<string, string[]> { ["q1"] = ["a"] } },
        ["ImportPostalCodes"] = "code,latitude,longitude\nT5J,53.54,-113.49\n",
        ["AnswerPartnerReferral"] = new { answer = "accepted" },
        ["SetPartnerMember"] = new { organizationIds = Array.Empty<Guid>() },
        ["SetDirectoryServiceIntake"] = new { acceptingReferrals = true },
    };

    private enum Scope
    {
        /// <summary>Not under a tenant at all.</summary>
        Host,

        /// <summary>The tenant's catalogues, lists and logs: no one record is "own".</summary>
        Tenant,

        /// <summary>A tenant's settings: its own admins, and operators whatever tenant they sign in to.</summary>
        Settings,

        /// <summary>One journey: a link worker's own is assigned to them.</summary>
        Journey,

        /// <summary>One link worker's training record: a link worker's own is theirs.</summary>
        LinkWorker,

        /// <summary>One referral: a referrer's own is one they sent; a link worker's, one assigned to them.</summary>
        Referral,
    }

    private enum Expected
    {
        Allowed,
        Forbidden,
        Hidden,
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string SubjectOf(string role) => role switch
    {
        AccessRoles.LinkWorker => "lw-matrix",
        AccessRoles.Supervisor => "sup-ab-1",
        _ => "mx-" + role,
    };

    [Fact]
    public async Task Every_operation_answers_every_role_on_own_same_tenant_and_other_tenant_records_as_the_matrix_says()
    {
        var document = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json", Token))!;
        var operations = (
            from path in document["paths"]!.AsObject()
            from operation in path.Value!.AsObject()
            select (Path: path.Key, Method: operation.Key.ToUpperInvariant(), Id: operation.Value!["operationId"]!.GetValue<string>())).ToList();
        Assert.True(operations.Count > 40, $"only {operations.Count} operations in the document");
        var withoutRow = operations.Select(o => o.Id).Where(id => !Matrix.ContainsKey(id)).ToList();
        Assert.True(withoutRow.Count == 0, "Operations without a row in the matrix: " + string.Join(", ", withoutRow));
        var stale = Matrix.Keys.Except(operations.Select(o => o.Id)).ToList();
        Assert.True(stale.Count == 0, "Rows for operations the document no longer has: " + string.Join(", ", stale));

        var records = await RecordsAsync();
        var failures = new List<string>();
        var checkedCount = 0;
        // Every call that reached a person's record (an answer other than 400, 404 or 413) must have left an entry in
        // the audit log, by that caller on that journey: counted here, compared with the log after the matrix.
        var accesses = new Dictionary<(string Subject, Guid Journey), List<string>>();
        foreach (var (path, method, id) in operations)
        {
            var (roles, scope) = Matrix[id];
            foreach (var role in AccessRoles.All)
            {
                foreach (var place in new[] { "own", "same-tenant", "other-tenant" })
                {
                    var expected = Expect(roles, scope, role, place);
                    var body = Bodies.TryGetValue(id, out var known)
                        ? known as string ?? System.Text.Json.JsonSerializer.Serialize(known, System.Text.Json.JsonSerializerOptions.Web)
                        : "{}";
                    using var response = await CallAsync(method, Concrete(path, place, role, records), role, Concrete(body, place, role, records));
                    var actual = await ClassifyAsync(response);
                    checkedCount++;
                    if (place != "other-tenant" && path.Contains("{journeyId}", StringComparison.Ordinal)
                        && (int)response.StatusCode is not (400 or 404 or 413 or 415))
                    {
                        var key = (SubjectOf(role), place == "own" ? records.Own : records.Same);
                        (accesses.TryGetValue(key, out var calls) ? calls : accesses[key] = []).Add($"{id} ({(int)response.StatusCode})");
                    }

                    if (actual != expected)
                    {
                        failures.Add($"{id} as {role} on {place}: expected {expected}, got {(int)response.StatusCode} ({actual})");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCount} cells differ:\n" + string.Join('\n', failures));
        await AssertAuditedAsync(accesses);
    }

    /// <summary>Each caller's entries on each journey are at least as many as the calls of theirs that reached it.</summary>
    private async Task AssertAuditedAsync(Dictionary<(string Subject, Guid Journey), List<string>> accesses)
    {
        var missing = new List<string>();
        foreach (var ((subject, journey), calls) in accesses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/audit?journeyId={journey}&user={subject}&pageSize=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, "matrix-privacy", [AccessRoles.PrivacyOfficer]));
            using var http = fixture.Factory.CreateClient();
            using var response = await http.SendAsync(request, Token);
            var total = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!["total"]!.GetValue<long>();
            if (total < calls.Count)
            {
                missing.Add($"{subject} on the {(journey == Guid.Empty ? "?" : "journey")} {journey}: {calls.Count} calls reached it, {total} entries: {string.Join(", ", calls)}");
            }
        }

        Assert.True(accesses.Count > 0, "no call of the matrix reached a journey");
        Assert.True(missing.Count == 0, "Accesses without an audit entry:\n" + string.Join('\n', missing));
    }

    private static Expected Expect(string[] roles, Scope scope, string role, string place)
    {
        if (place == "other-tenant" && scope == Scope.Settings)
        {
            return role == AccessRoles.Operator ? Expected.Allowed : Expected.Hidden;
        }

        if (place == "other-tenant" && scope != Scope.Host)
        {
            return Expected.Hidden;
        }

        if (!roles.Contains(role))
        {
            return Expected.Forbidden;
        }

        var narrowed = (role == AccessRoles.LinkWorker && scope is Scope.Journey or Scope.LinkWorker or Scope.Referral)
            || (role == AccessRoles.Referrer && scope is Scope.Referral);
        return place == "same-tenant" && narrowed ? Expected.Forbidden : Expected.Allowed;
    }

    private static async Task<Expected?> ClassifyAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return Expected.Forbidden;
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))?["detail"]?.GetValue<string>() ?? string.Empty;
            return detail.StartsWith("No tenant", StringComparison.Ordinal) || detail == "No journey with this id in this tenant." ? Expected.Hidden : Expected.Allowed;
        }

        // A refused precondition (If-Match stale or missing) is an answer only a caller allowed in gets.
        return status is (>= 200 and < 300) or 400 or 409 or 412 or 422 or 428 ? Expected.Allowed : null;
    }

    private async Task<HttpResponseMessage> CallAsync(string method, string path, string role, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, SubjectOf(role), [role]));
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/csv");
        }

        using var http = fixture.Factory.CreateClient();
        return await http.SendAsync(request, Token);
    }

    /// <summary>The journeys the matrix calls on: the link worker's own, another worker's, and one of another tenant; and an assessment on the own one.</summary>
    private async Task<Records> RecordsAsync()
    {
        // The own journey is referred by the matrix's referrer, so it is their referral too.
        using var referrer = fixture.Factory.CreateClient();
        referrer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, SubjectOf(AccessRoles.Referrer), [AccessRoles.Referrer]));
        var own = await Api.CreateJourneyAsync(referrer);
        await Api.CommandOkAsync(fixture.Client, own, "accept", new { linkWorkerId = SubjectOf(AccessRoles.LinkWorker) });
        await Api.CommandOkAsync(fixture.Client, own, "record-contact", new { mode = "phone", purpose = "introduction" });
        using var recorded = await Api.PostAsync(fixture.Client, $"{Api.Journeys()}/{own}/assessments", Bodies["RecordAssessment"]);
        var assessment = (await Api.ReadAsync(recorded))["assessment"]!["assessmentId"]!.GetValue<Guid>();
        var same = await Api.CreateJourneyAsync(fixture.Client);
        await Api.CommandOkAsync(fixture.Client, same, "accept", new { linkWorkerId = OtherWorker });
        var other = await Api.CreateJourneyAsync(fixture.Client, OtherTenant);
        // The matrix's community partner answers for an organization of the directory.
        var organization = Guid.NewGuid();
        var service = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = "Matrix Partner Program",
            ["status"] = "active",
            ["organization"] = new JsonObject { ["id"] = organization.ToString(), ["name"] = "Matrix Partner Society", ["description"] = "A provider." },
        };
        using (var imported = await fixture.Factory.SendAsAsync(HttpMethod.Post, $"/api/v1/tenants/{Api.Tenant}/directory/imports", "matrix-admin", [AccessRoles.TenantAdmin], new JsonArray(service)))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        }

        using (var member = await fixture.Factory.SendAsAsync(
            HttpMethod.Put, $"/api/v1/tenants/{Api.Tenant}/directory/partners/{SubjectOf(AccessRoles.CommunityPartner)}", "matrix-admin", [AccessRoles.TenantAdmin], new { organizationIds = new[] { organization } }))
        {
            Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        }

        var dueOn = fixture.Factory.Time.GetUtcNow().AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Records(own, same, other, assessment, dueOn);
    }

    private static string Concrete(string template, string place, string role, Records records)
    {
        var (tenant, journey, worker) = place switch
        {
            "own" => (Api.Tenant, records.Own, SubjectOf(role)),
            "same-tenant" => (Api.Tenant, records.Same, OtherWorker),
            _ => (OtherTenant, records.OtherTenant, SubjectOf(role)),
        };
        return template
            .Replace("{tenant}", tenant, StringComparison.Ordinal)
            .Replace("{journeyId}", journey.ToString(), StringComparison.Ordinal)
            .Replace("{linkWorkerId}", worker, StringComparison.Ordinal)
            .Replace("{owner}", place == "same-tenant" ? OtherWorker : SubjectOf(AccessRoles.LinkWorker), StringComparison.Ordinal)
            .Replace("{assessmentId}", records.Assessment.ToString(), StringComparison.Ordinal)
            .Replace("{tripId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{referralId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", "matrix-unbound-partner", StringComparison.Ordinal)
            .Replace("{sourceId}", "no-such-feed", StringComparison.Ordinal)
            .Replace("{serviceId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{serviceAtLocationId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{organizationId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{taxonomyId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{taxonomyTermId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{template}", "plan-summary", StringComparison.Ordinal)
            .Replace("{instrument}", "gad7", StringComparison.Ordinal)
            .Replace("{moduleId}", "listening-101", StringComparison.Ordinal)
            .Replace("{dueOn}", records.DueOn, StringComparison.Ordinal);
    }

    /// <summary>The records the matrix calls on.</summary>
    /// <param name="Own">The link worker's own journey, referred by the matrix's referrer.</param>
    /// <param name="Same">Another link worker's journey of the same tenant.</param>
    /// <param name="OtherTenant">A journey of another tenant.</param>
    /// <param name="Assessment">An assessment recorded on the own journey.</param>
    /// <param name="DueOn">A follow-up date two weeks ahead by the host's (fake) clock.</param>
    private sealed record Records(Guid Own, Guid Same, Guid OtherTenant, Guid Assessment, string DueOn);
}
