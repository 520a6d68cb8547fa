using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The console's screens that stand on a tenant's plugins, in a real browser: training from a training-module plugin,
/// and transport through a transport-partner plugin.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ConsolePluginTests(PluginConsoleBrowser console) : IClassFixture<PluginConsoleBrowser>, IAsyncLifetime
{
    private const string LinkWorker = "ab-link-worker";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await console.EndTestAsync();

    [Fact]
    public async Task A_link_worker_reads_a_module_fails_then_passes_its_knowledge_check_and_sees_the_competency_evidenced()
    {
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GetByRole(AriaRole.Link, new() { Name = "Training" }).ClickAsync();
        var row = page.Locator("section[aria-labelledby=modules] tbody tr").Filter(new() { HasText = "Listening for what matters" });
        await Assertions.Expect(row).ToContainTextAsync("Not started");
        await ConsoleBrowser.CheckAsync(page, "training-en");
        await row.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Listening for what matters");
        // The lesson's CommonMark, as HTML.
        await Assertions.Expect(page.Locator("article.lesson em")).ToHaveTextAsync("what matters to you?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the module" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The module is started.");

        await page.GetByLabel("Are you lonely?").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("Not passed: 0 of 1 correct");
        await Assertions.Expect(page.GetByLabel("Are you lonely?")).ToBeCheckedAsync();
        await ConsoleBrowser.CheckAsync(page, "training-module-en");
        await page.GetByLabel("What matters to you?").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my answers" }).ClickAsync();
        await Assertions.Expect(page.Locator("#result")).ToContainTextAsync("Passed: 1 of 1 correct");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to my training" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=modules] tbody tr").Filter(new() { HasText = "Listening for what matters" })).ToContainTextAsync("Done");
        await Assertions.Expect(page.Locator("section[aria-labelledby=competencies] tbody tr").Filter(new() { HasText = "Listening for what matters" })).ToContainTextAsync("Foundational");
        var record = await Api.ReadArrayAsync(await console.Api.GetAsync($"/api/v1/tenants/ab/link-workers/{LinkWorker}/training", Token));
        var module = Assert.Single(record, m => m!["moduleId"]!.GetValue<string>() == "listening-101")!;
        Assert.Equal(("completed", 2), (module["status"]!.GetValue<string>(), module["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_link_worker_gets_a_quote_books_a_trip_sees_the_partner_confirm_it_and_cancels_it()
    {
        var journeyId = await EngagedJourneyAsync("Violette");
        var day = DateOnly.FromDateTime(console.Factory.Time.GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync($"/console/journeys/{journeyId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Transport" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Transport for Violette Tremblay");
        await page.Locator("#pickup-street").FillAsync("100 Main Street SW");
        await page.Locator("#pickup-municipality").FillAsync("Calgary");
        await page.Locator("#destination-name").FillAsync("Bow River pathway");
        await page.Locator("#destination-street").FillAsync("200 River Road");
        await page.Locator("#destination-municipality").FillAsync("Calgary");
        await page.Locator("#trip-day").FillAsync(day);
        await page.GetByLabel("Uses a walking aid").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Get a quote" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The partner can take this trip.");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("12.50 CAD");
        await Assertions.Expect(page.Locator("#destination-street")).ToHaveValueAsync("200 River Road");
        await ConsoleBrowser.CheckAsync(page, "transport-quote-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book the trip" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The trip is requested");
        var row = page.Locator("section[aria-labelledby=trips] tbody tr").Filter(new() { HasText = "Bow River pathway" });
        await Assertions.Expect(row).ToContainTextAsync("100 Main Street SW");
        // The booking job asks the partner; the trip is confirmed when it answers.
        await Api.EventuallyAsync(async () =>
        {
            await page.ReloadAsync();
            return (await row.InnerTextAsync()).Contains("Confirmed", StringComparison.Ordinal);
        }, "the partner's confirmation");
        await Assertions.Expect(row).ToContainTextAsync("GR-");
        await ConsoleBrowser.CheckAsync(page, "transport-confirmed-en");

        await row.GetByLabel("Why cancel").FillAsync("The program moved online.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Cancel the trip" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The trip is cancelled.");
        var trips = await Api.ReadArrayAsync(await console.Api.GetAsync($"/api/v1/tenants/ab/journeys/{journeyId}/transport/bookings", Token));
        var trip = Assert.Single(trips)!;
        Assert.Equal("cancelled", trip["status"]!.GetValue<string>());
        Assert.Equal("ab:Calgary", trip["quoteReference"]!.GetValue<string>());
        Assert.True(trip["details"]!["mobility"]!["walkingAid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_partner_that_fails_gives_a_page_in_the_persons_language_and_records_nothing()
    {
        // good-rides throws when asked to quote for a passenger called "throw".
        var journeyId = await EngagedJourneyAsync("throw");
        var page = await console.NewPageAsync("fr-CA");
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync($"/console/journeys/{journeyId}/transport");
        await page.Locator("#pickup-street").FillAsync("100 Main Street SW");
        await page.Locator("#pickup-municipality").FillAsync("Calgary");
        await page.Locator("#destination-street").FillAsync("200 River Road");
        await page.Locator("#destination-municipality").FillAsync("Calgary");
        await page.Locator("#trip-day").FillAsync(DateOnly.FromDateTime(console.Factory.Time.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Obtenir un devis" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(502, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Un problème est survenu");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("rien n’a été enregistré");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Tremblay");
        await ConsoleBrowser.CheckAsync(page, "error-partner-fr");
        Assert.Empty(await Api.ReadArrayAsync(await console.Api.GetAsync($"/api/v1/tenants/ab/journeys/{journeyId}/transport/bookings", Token)));
    }

    /// <summary>A referral accepted by the console's link worker, who has made the first contact.</summary>
    [Fact]
    public async Task An_instrument_the_program_has_in_French_is_put_to_a_French_speaking_person_in_French()
    {
        // The sample referral's person prefers French; the link worker's console is in English.
        var journeyId = await EngagedJourneyAsync("Aline");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GotoAsync($"/console/journeys/{journeyId}/assessments/new");
        await Assertions.Expect(page.Locator("#instrument option[value=phq9]")).ToContainTextAsync("only in English");
        await page.GetByLabel("Instrument").SelectOptionAsync("gad7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Begin" }).ClickAsync();

        var items = page.Locator("fieldset.field");
        await Assertions.Expect(items).ToHaveCountAsync(7);
        await Assertions.Expect(items.First).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(items.First.Locator("legend")).ToHaveTextAsync("1. Question 1 en français");
        await Assertions.Expect(items.Nth(6).Locator("label").Nth(3)).ToHaveTextAsync("Presque tous les jours");
        await Assertions.Expect(page.Locator(".notice.info")).ToHaveCountAsync(0);
        await ConsoleBrowser.CheckAsync(page, "assessment-gad7-person-fr");
        for (var i = 0; i < 7; i++)
        {
            await items.Nth(i).GetByLabel("Plusieurs jours").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Record the assessment" }).ClickAsync();
        await page.WaitForURLAsync($"**/console/journeys/{journeyId}?done=assessment");
        var recorded = page.Locator("section[aria-labelledby=assessments]");
        await Assertions.Expect(recorded.GetByRole(AriaRole.Heading, new() { Name = "Generalised Anxiety Disorder-7" })).ToBeVisibleAsync();
        await Assertions.Expect(recorded.Locator("tbody tr").Filter(new() { HasText = "Baseline" })).ToContainTextAsync("7");

        // An instrument without French wording here is put in English, and the page says so.
        await page.GotoAsync($"/console/journeys/{journeyId}/assessments/new?instrument=phq9");
        await Assertions.Expect(page.Locator(".notice.info")).ToContainTextAsync("no French wording in this program");
        await Assertions.Expect(page.Locator("fieldset.field").First).Not.ToHaveAttributeAsync("lang", "fr");

        // The API gives every client the same wording and says which languages the whole instrument can be given in.
        var gad7 = await Api.ReadAsync(await console.Api.GetAsync("/api/v1/tenants/ab/assessments/instruments/gad7", Token));
        Assert.Equal(["en", "fr"], gad7["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("Question 1 en français", gad7["items"]![0]!["translations"]!["fr"]!.GetValue<string>());
        Assert.Equal("Jamais", gad7["items"]![0]!["responseOptions"]![0]!["translations"]!["fr"]!.GetValue<string>());
        var phq9 = await Api.ReadAsync(await console.Api.GetAsync("/api/v1/tenants/ab/assessments/instruments/phq9", Token));
        Assert.Equal(["en"], phq9["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
    }

    [Fact]
    public async Task An_operator_sees_each_dependencys_health_and_opens_the_jobs_and_cluster_dashboards_which_other_roles_are_refused()
    {
        var operatorName = await console.AddUserAsync("Olive Operator", AccessRoles.Operator);
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, operatorName, ConsoleBrowser.Password);

        Assert.EndsWith("/console/ops", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Operations");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Journey storage" })).ToContainTextAsync("Healthy");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Orleans cluster" })).ToContainTextAsync("Healthy");
        await ConsoleBrowser.CheckAsync(page, "ops-en");

        var jobs = await page.GotoAsync("/console/ops/jobs/");
        Assert.Equal(200, jobs!.Status);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Recurring Jobs");
        var cluster = await page.GotoAsync("/console/ops/orleans/");
        Assert.Equal(200, cluster!.Status);

        var admin = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(admin, "ab-admin");
        await admin.GotoAsync("/console/ops/jobs/");
        Assert.Contains("/console/denied", admin.Url, StringComparison.Ordinal);
        await admin.GotoAsync("/console/ops/orleans/");
        Assert.Contains("/console/denied", admin.Url, StringComparison.Ordinal);
        await admin.GotoAsync("/console/ops");
        Assert.Contains("/console/denied", admin.Url, StringComparison.Ordinal);
    }

    private async Task<Guid> EngagedJourneyAsync(string givenName)
    {
        var created = await console.Api.PostAsJsonAsync("/api/v1/tenants/ab/referrals", Api.Referral(givenName), Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var journeyId = (await Api.ReadAsync(created))["journeyId"]!.GetValue<Guid>();
        using var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tenants/ab/journeys/{journeyId}/accept") { Content = JsonContent.Create(new { linkWorkerId = LinkWorker }) };
        accept.Options.Set(TenantTokenHandler.Subject, LinkWorker);
        Assert.True((await console.Api.SendAsync(accept, Token)).IsSuccessStatusCode);
        await Api.CommandOkAsync(console.Api, journeyId, "record-contact", new { mode = "phone", purpose = "introduction" });
        return journeyId;
    }
}
