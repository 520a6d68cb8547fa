using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The web console in a real browser: signing in through the host's own authorization server, the caseload, the
/// referral inbox and a journey, in English and French, each page checked with axe and kept as a screenshot.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class ConsoleTests(ConsoleBrowser console) : IClassFixture<ConsoleBrowser>, IAsyncLifetime
{
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await console.EndTestAsync();

    private const string LinkWorker = "ab-link-worker";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_worker_signs_in_sees_their_caseload_and_opens_a_journey()
    {
        var journeyId = await AcceptedJourneyAsync("Hélène");
        var page = await console.NewPageAsync();

        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        Assert.EndsWith("/console/caseload", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My caseload");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hélène Tremblay" });
        await Assertions.Expect(row).ToContainTextAsync("Accepted");
        await ConsoleBrowser.CheckAsync(page, "caseload-en");

        await row.GetByRole(AriaRole.Link, new() { Name = "Hélène Tremblay" }).ClickAsync();
        await page.WaitForURLAsync($"**/console/journeys/{journeyId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hélène Tremblay");
        await Assertions.Expect(page.Locator(".banner")).ToContainTextAsync("Dr. Amir Patel");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Timeline" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Referral accepted");
        await ConsoleBrowser.CheckAsync(page, "journey-en");

        // The letter to the referrer, to preview and print: the same document the API renders, naming the person fully.
        await page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Acknowledgement to the referrer" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Hélène Tremblay");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("1948");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.Screenshots, "document-acknowledgement-en.png"), FullPage = true });
    }

    [Fact]
    public async Task The_console_speaks_French_when_asked_and_remembers_it()
    {
        var journeyId = await AcceptedJourneyAsync("Josée");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GetByRole(AriaRole.Link, new() { Name = "Français" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mes dossiers");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Josée Tremblay" })).ToContainTextAsync("Acceptée");
        await ConsoleBrowser.CheckAsync(page, "caseload-fr");

        // The next page, reached without ?lang=, stays in French.
        await page.GotoAsync($"/console/journeys/{journeyId}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ce qui compte pour la personne" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("Demande acceptée");
        await ConsoleBrowser.CheckAsync(page, "journey-fr");

        // What the rules refuse is said in French too, with the refusal's own values.
        await page.GetByText("Consigner un contact").ClickAsync();
        await page.Locator("#contact-purpose").FillAsync("Appel");
        await page.EvalOnSelectorAsync("#contact-follow-up", "input => input.removeAttribute('min')");
        await page.Locator("#contact-follow-up").FillAsync("2001-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contact" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contact-follow-up-error")).ToHaveTextAsync(new Regex("^Un suivi ne peut pas être prévu dans le passé \\(nous sommes le \\d{4}-\\d{2}-\\d{2} pour ce programme\\)\\.$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Prochain suivi");
        await ConsoleBrowser.CheckAsync(page, "journey-error-fr");
    }

    [Fact]
    public async Task New_referrals_wait_in_the_inbox_until_a_link_worker_accepts_them()
    {
        var journeyId = await ReferralAsync("Gisèle");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GetByRole(AriaRole.Link, new() { Name = "Referral inbox" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Referral inbox");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Gisèle Tremblay" });
        await Assertions.Expect(row).ToContainTextAsync("Unassigned");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/console/journeys/{journeyId}");
        await ConsoleBrowser.CheckAsync(page, "inbox-en");
    }

    [Fact]
    public async Task A_role_without_clinical_access_is_refused_the_caseload_and_the_refusal_is_audited()
    {
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, "ab-privacy");

        var response = await page.GotoAsync("/console/caseload");

        Assert.Contains("/console/denied", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not available to you");
        Assert.NotNull(response);
        await ConsoleBrowser.CheckAsync(page, "denied-en");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tenants/ab/audit?user=ab-privacy&outcome=denied");
        var audit = await console.Api.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("ab-privacy", await audit.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_session_every_console_page_leads_to_the_host_sign_in_page()
    {
        var page = await console.NewPageAsync("fr-CA");

        await page.GotoAsync("/console/caseload");

        Assert.Matches(SignInPage(), page.Url);
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await ConsoleBrowser.CheckAsync(page, "sign-in-fr");
    }

    [Fact]
    public async Task Signing_out_ends_the_console_session_and_the_host_session()
    {
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signed-out", StringComparison.Ordinal));

        await page.GotoAsync("/console/caseload");
        Assert.Matches(SignInPage(), page.Url);
    }

    [Fact]
    public async Task A_link_worker_accepts_from_the_inbox_then_logs_a_contact_with_a_follow_up_what_matters_and_a_plan()
    {
        var journeyId = await ReferralAsync("Rosalie");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync("/console/inbox");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rosalie Tremblay" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and assign to me" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Accepted");
        await Assertions.Expect(page.Locator(".banner")).ToContainTextAsync("Link worker (Alberta");

        var followUp = DateOnly.FromDateTime(console.Factory.Time.GetUtcNow().UtcDateTime).AddDays(14);
        await page.GetByText("Log a contact").ClickAsync();
        await page.GetByLabel("How you were in contact").SelectOptionAsync("phone");
        await page.GetByLabel("Purpose").FillAsync("First call");
        await page.GetByLabel("Next follow-up (optional)").FillAsync(followUp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await ConsoleBrowser.CheckAsync(page, "journey-log-contact-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The contact is saved.");

        await page.GetByText("Record what matters to them").ClickAsync();
        await page.GetByLabel("In their words").FillAsync("Seeing friends again\nGetting outside");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" , Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("What matters is saved.");

        var journey = await Api.ReadAsync(await console.Api.GetAsync($"/api/v1/tenants/ab/journeys/{journeyId}", Token));
        Assert.Equal("engaged", journey["status"]!.GetValue<string>());
        Assert.Equal(LinkWorker, journey["linkWorkerId"]!.GetValue<string>());
        Assert.Equal("First call", journey["contacts"]![0]!["purpose"]!.GetValue<string>());
        Assert.Equal(followUp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), journey["followUps"]![0]!["dueOn"]!.GetValue<string>());
        Assert.Equal(["Seeing friends again", "Getting outside"], journey["whatMatters"]!.AsArray().Select(i => i!.GetValue<string>()));
        await Assertions.Expect(page.Locator("#what-matters + ul")).ToContainTextAsync("Getting outside");
        await ConsoleBrowser.CheckAsync(page, "journey-engaged-en");
    }

    [Fact]
    public async Task A_form_the_api_rules_refuse_shows_the_field_at_fault_and_changes_nothing()
    {
        var journeyId = await AcceptedJourneyAsync("Yvette");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync($"/console/journeys/{journeyId}");

        await page.GetByText("Log a contact").ClickAsync();
        await page.GetByLabel("Purpose").FillAsync("Call");
        // Past the browser's own check (the field's min), as a script or an old browser would send it.
        await page.EvalOnSelectorAsync("#contact-follow-up", "input => input.removeAttribute('min')");
        await page.GetByLabel("Next follow-up (optional)").FillAsync("2001-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the contact" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Next follow-up");
        await Assertions.Expect(page.Locator("#contact-follow-up")).ToHaveAttributeAsync("aria-invalid", "true");
        await ConsoleBrowser.CheckAsync(page, "journey-error-en");
        var journey = await Api.ReadAsync(await console.Api.GetAsync($"/api/v1/tenants/ab/journeys/{journeyId}", Token));
        Assert.Empty(journey["contacts"]!.AsArray());
        Assert.Equal("accepted", journey["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supervisor_acknowledges_a_safety_alert_with_a_note()
    {
        var journeyId = await Api.EngagedJourneyAsync(console.Api);
        var recorded = await console.Api.PostAsJsonAsync($"{Api.Journeys()}/{journeyId}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 1 } }, Token);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync(Token));
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, "sup-ab-1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Safety alerts" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Article).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Marie Tremblay" }) }).Filter(new() { Has = page.Locator($"a[href='/console/journeys/{journeyId}']") });
        await Assertions.Expect(alert).ToContainTextAsync("phq9");
        await ConsoleBrowser.CheckAsync(page, "safety-alerts-en");
        await alert.GetByLabel("What was done").FillAsync("Called her the same day; safety plan agreed with her family doctor.");
        await alert.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The alert is acknowledged.");
        await Assertions.Expect(page.Locator($"a[href='/console/journeys/{journeyId}']")).ToHaveCountAsync(0);
        var journey = await Api.GetJourneyAsync(console.Api, journeyId);
        var acknowledged = journey["safetyAlerts"]![0]!;
        Assert.Equal("sup-ab-1", acknowledged["acknowledgedBy"]!.GetValue<string>());
        Assert.StartsWith("Called her the same day", acknowledged["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_community_partner_sees_a_referral_addressed_to_it_and_accepts_it()
    {
        var (organization, place) = await ImportProgramAsync("Console Walking Club", "A walk along the river every Tuesday morning.");
        var partner = await console.AddUserAsync("Walking Club coordinator", AccessRoles.CommunityPartner);
        var member = await console.Api.PutAsJsonAsync($"/api/v1/tenants/ab/directory/partners/{partner}", new { organizationIds = new[] { organization } }, Token);
        Assert.True(member.IsSuccessStatusCode, await member.Content.ReadAsStringAsync(Token));
        var journeyId = await Api.EngagedJourneyAsync(console.Api);
        await Api.CommandOkAsync(console.Api, journeyId, "make-community-referral", new { serviceAtLocationId = place, notes = "Prefers mornings." });
        var page = await console.NewPageAsync();

        await ConsoleBrowser.SignInAsync(page, partner, ConsoleBrowser.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Referrals to us");
        await ConsoleBrowser.CheckAsync(page, "partner-referrals-en");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Console Walking Club" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.Locator(".banner")).ToContainTextAsync("Prefers mornings.");
        await page.GetByLabel("Accepted").CheckAsync();
        await page.GetByLabel("Note to the link worker (optional)").FillAsync("Starts Tuesday at 10.");
        await ConsoleBrowser.CheckAsync(page, "partner-referral-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answer is sent to the link worker.");
        var referral = (await Api.GetJourneyAsync(console.Api, journeyId))["communityReferrals"]![0]!;
        Assert.Equal("accepted", referral["partnerAnswer"]!.GetValue<string>());
        Assert.Equal("Starts Tuesday at 10.", referral["partnerNote"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_referrer_sends_a_referral_from_the_form_after_fixing_what_the_api_rules_refuse()
    {
        var referrer = await console.AddUserAsync("Dr. Console Referrer", AccessRoles.Referrer);
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, referrer, ConsoleBrowser.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New referral");

        await page.GetByLabel("Given name").FillAsync("Armand");
        await page.GetByLabel("Family name").FillAsync("Gagnon");
        await page.GetByLabel("Birth date").FillAsync("1950-06-02");
        await page.GetByLabel("Postal code").FillAsync("12345");
        await page.GetByLabel("Français").CheckAsync();
        await page.GetByLabel("Low mood").CheckAsync();
        await page.GetByLabel("Your name").FillAsync("Dr. Console Referrer");
        await page.GetByLabel("Organization").FillAsync("Bow Valley Family Clinic");
        await page.GetByLabel("Your role").FillAsync("family physician");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Postal code");
        await Assertions.Expect(page.GetByLabel("Postal code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Given name")).ToHaveValueAsync("Armand");
        await ConsoleBrowser.CheckAsync(page, "new-referral-error-en");
        await page.GetByLabel("Postal code").FillAsync("T2P 1J9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral is sent");
        var journeyId = Guid.Parse(new Uri(page.Url).Query.Split("done=")[1]);
        var journey = await Api.GetJourneyAsync(console.Api, journeyId);
        Assert.Equal("referred", journey["status"]!.GetValue<string>());
        Assert.Equal("Armand", journey["client"]!["givenName"]!.GetValue<string>());
        Assert.Equal("fr", journey["client"]!["preferredLanguage"]!.GetValue<string>());
        Assert.Equal(["low-mood"], journey["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_privacy_officer_finds_who_opened_a_record_and_reads_its_access_report()
    {
        var journeyId = await AcceptedJourneyAsync("Odile");
        var worker = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(worker, LinkWorker);
        await worker.GotoAsync($"/console/journeys/{journeyId}");
        await Assertions.Expect(worker.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Odile Tremblay");
        var page = await console.NewPageAsync("fr-CA");

        await ConsoleBrowser.SignInAsync(page, "ab-privacy");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Journal d'audit");
        await page.GetByLabel("Dossier de la personne").FillAsync(journeyId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();

        var opened = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "journey · read" }).Filter(new() { HasText = "Link worker (Alberta" });
        await Assertions.Expect(opened.First).ToBeVisibleAsync();
        await ConsoleBrowser.CheckAsync(page, "audit-log-fr");
        await page.GetByRole(AriaRole.Link, new() { Name = "Rapport d'accès pour cette personne" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Rapport d'accès");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "journey · read" })).ToContainTextAsync("Link worker (Alberta");
        await ConsoleBrowser.CheckAsync(page, "access-report-fr");
    }

    [Fact]
    public async Task An_assessment_entered_item_by_item_shows_its_score_and_a_self_harm_answer_raises_the_alert_at_once()
    {
        var journeyId = await AcceptedJourneyAsync("Lucie");
        await Api.CommandOkAsync(console.Api, journeyId, "record-contact", new { mode = "phone", purpose = "introduction" });
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync($"/console/journeys/{journeyId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an assessment" }).ClickAsync();
        await page.GetByLabel("Instrument").SelectOptionAsync("phq9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();
        var items = page.Locator("fieldset.field");
        await Assertions.Expect(items).ToHaveCountAsync(9);
        int[] answers = [1, 1, 1, 1, 0, 0, 0, 0, 1];
        for (var i = 0; i < answers.Length; i++)
        {
            await items.Nth(i).Locator($"input[value='{answers[i]}']").CheckAsync();
        }

        await ConsoleBrowser.CheckAsync(page, "assessment-phq9-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();

        await page.WaitForURLAsync($"**/console/journeys/{journeyId}?done=assessment");
        await Assertions.Expect(page.Locator(".banner [role=alert]")).ToContainTextAsync("Safety alert");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Baseline" })).ToContainTextAsync("5");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an assessment" }).ClickAsync();
        await page.GetByLabel("Instrument").SelectOptionAsync("phq9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();
        await page.GetByLabel("When").SelectOptionAsync("follow-up");
        for (var i = 0; i < 9; i++)
        {
            await page.Locator("fieldset.field").Nth(i).Locator("input[value='0']").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await page.WaitForURLAsync($"**/console/journeys/{journeyId}?done=assessment");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Follow-up" })).ToContainTextAsync("-5");
        await Assertions.Expect(page.Locator("figure.chart svg[role=img]")).ToHaveCountAsync(1);
        await ConsoleBrowser.CheckAsync(page, "journey-assessments-en");
    }

    [Fact]
    public async Task A_supervisor_reads_the_outcome_report_with_small_numbers_suppressed_prints_it_and_exports_its_tables()
    {
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, "sup-ab-1");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connected to a community program" })).ToBeVisibleAsync();
        await ConsoleBrowser.CheckAsync(page, "reports-en");

        // A program this small has fewer than five of everything: no count from 1 to 4 and no share is shown.
        var counts = await page.Locator("td.number").AllInnerTextsAsync();
        Assert.DoesNotContain(counts, c => c.Trim() is "1" or "2" or "3" or "4");

        var csv = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Download the tables (CSV)" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var rows = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,group,measure,value", rows[0]);
        Assert.DoesNotContain(rows.Skip(1), row => row.Split(',')[^1] is "1" or "2" or "3" or "4");

        var printed = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Printable report (français)" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, printed.Status);
        Assert.Contains("lang=\"fr-CA\"", await printed.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Imports one active program into the test tenant's directory, delivered at one place (at the given coordinates,
    /// when given); returns its organization and its service-at-location.
    /// </summary>
    private async Task<(Guid Organization, Guid Place)> ImportProgramAsync(string name, string description, double? latitude = null, double? longitude = null)
    {
        var organization = Guid.NewGuid();
        var place = Guid.NewGuid();
        var location = new System.Text.Json.Nodes.JsonObject { ["id"] = Guid.NewGuid().ToString(), ["location_type"] = "physical", ["name"] = name + " hall" };
        if (latitude is { } lat && longitude is { } lon)
        {
            location["latitude"] = lat;
            location["longitude"] = lon;
        }

        var service = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["name"] = name,
            ["status"] = "active",
            ["description"] = description,
            ["organization"] = new System.Text.Json.Nodes.JsonObject { ["id"] = organization.ToString(), ["name"] = name + " Society", ["description"] = "A community organization." },
            ["service_at_locations"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = place.ToString(), ["location"] = location }),
        };
        var imported = await console.Api.PostAsJsonAsync("/api/v1/tenants/ab/directory/imports", new System.Text.Json.Nodes.JsonArray(service), Token);
        Assert.Equal(0, (await Api.ReadAsync(imported))["rejected"]!.GetValue<int>());
        return (organization, place);
    }

    private async Task<Guid> ReferralAsync(string givenName)
    {
        var created = await console.Api.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(givenName), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await Api.ReadAsync(created))["journeyId"]!.GetValue<Guid>();
    }

    private async Task<Guid> AcceptedJourneyAsync(string givenName)
    {
        var journeyId = await ReferralAsync(givenName);
        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tenants/ab/journeys/{journeyId}/accept") { Content = JsonContent.Create(new { linkWorkerId = LinkWorker }) };
        accept.Options.Set(TenantTokenHandler.Subject, LinkWorker);
        var accepted = await console.Api.SendAsync(accept, Token);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync(Token));
        return journeyId;
    }

    [GeneratedRegex("/account/signin")]
    private static partial Regex SignInPage();
}
