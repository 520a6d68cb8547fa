using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The web console in a real browser: signing in through the host's own authorization server, the caseload, the
/// referral inbox and a journey, in English and French, each page checked with axe and kept as a screenshot.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class ConsoleTests(ConsoleBrowser console) : IClassFixture<ConsoleBrowser>
{
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
