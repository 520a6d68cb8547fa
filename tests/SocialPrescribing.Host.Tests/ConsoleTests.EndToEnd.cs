using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// Finding programs for a person, and one referral carried from intake to discharge through the console alone, by
/// everyone who touches it, in each language.
/// </summary>
public sealed partial class ConsoleTests
{
    [Fact]
    public async Task A_link_worker_finds_programs_for_a_person_sees_why_and_refers_from_a_match_and_from_a_search()
    {
        var (_, pottery) = await ImportProgramAsync("Clay Together", "Pottery evenings for beginners: the wheel and hand building.", 51.05, -114.07);
        var (_, choir) = await ImportProgramAsync("Riverside Choir", "A community choir singing every Thursday evening.", 51.06, -114.08);
        await LoadPostalCodesAsync("code,latitude,longitude\nT2P,51.0478,-114.0719\n");
        var journeyId = await AcceptedJourneyAsync("Paulette");
        await Api.CommandOkAsync(console.Api, journeyId, "record-contact", new { mode = "phone", purpose = "introduction" });
        await Api.CommandOkAsync(console.Api, journeyId, "record-what-matters", new { items = new[] { "Pottery", "Seeing friends" } });
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);
        await page.GotoAsync($"/console/journeys/{journeyId}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Find programs" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Find programs for Paulette Tremblay");
        var match = page.Locator("section[aria-labelledby=suggested] article").Filter(new() { HasText = "Clay Together" });
        await Assertions.Expect(match).ToContainTextAsync("Fit:");
        await match.GetByText("Why this program").ClickAsync();
        await Assertions.Expect(match.Locator("li").Filter(new() { HasText = "Interests" })).ToContainTextAsync("Matches “Pottery”");
        await ConsoleBrowser.CheckAsync(page, "programs-en");
        await match.GetByLabel("Note for the program (optional)").FillAsync("Prefers evenings.");
        await match.GetByRole(AriaRole.Button, new() { Name = "Refer to this program" }).ClickAsync();

        await page.WaitForURLAsync($"**/console/journeys/{journeyId}?done=referral");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The referral to the program is sent.");
        await Assertions.Expect(page.Locator("section[aria-labelledby=programs] tbody")).ToContainTextAsync("Clay Together");

        // A search of the directory near the person's postal code finds what the ranking did not put first.
        await page.GetByRole(AriaRole.Link, new() { Name = "Find programs" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=suggested] article").Filter(new() { HasText = "Clay Together" })).ToContainTextAsync("Already referred");
        await page.GetByLabel("Words").FillAsync("choir");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var found = page.Locator("section[aria-labelledby=directory] article").Filter(new() { HasText = "Riverside Choir" });
        await Assertions.Expect(found).ToContainTextAsync("km away");
        await Assertions.Expect(found).ToContainTextAsync("A community choir");
        await ConsoleBrowser.CheckAsync(page, "programs-search-en");
        await found.GetByRole(AriaRole.Button, new() { Name = "Refer to this program" }).ClickAsync();
        await page.WaitForURLAsync($"**/console/journeys/{journeyId}?done=referral");

        var referrals = (await Api.GetJourneyAsync(console.Api, journeyId))["communityReferrals"]!.AsArray();
        Assert.Equal([pottery, choir], referrals.Select(r => r!["program"]!["serviceAtLocationId"]!.GetValue<Guid>()));
        Assert.Equal("Prefers evenings.", referrals[0]!["notes"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_caseload_shows_last_contact_next_follow_up_and_programs_most_urgent_first_and_filters_the_quiet_ones()
    {
        var (_, place) = await ImportProgramAsync("Caseload Knitting Circle", "Knitting together on Mondays.");
        var busy = await AcceptedJourneyAsync("Simone");
        var followUp = Today().AddDays(10);
        await Api.CommandOkAsync(console.Api, busy, "record-contact", new { mode = "phone", purpose = "introduction" });
        await Api.CommandOkAsync(console.Api, busy, "schedule-follow-up", new { dueOn = followUp.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await Api.CommandOkAsync(console.Api, busy, "make-community-referral", new { serviceAtLocationId = place });
        var alerted = await AcceptedJourneyAsync("Rolande");
        await Api.CommandOkAsync(console.Api, alerted, "record-contact", new { mode = "phone", purpose = "introduction" });
        var recorded = await console.Api.PostAsJsonAsync($"{Api.Journeys()}/{alerted}/assessments", new { instrument = "phq9", timepoint = "baseline", responses = new[] { 1, 1, 1, 1, 0, 0, 0, 0, 2 } }, Token);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync(Token));
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        var rows = page.Locator("tbody tr");
        var row = rows.Filter(new() { HasText = "Simone Tremblay" });
        await Assertions.Expect(row.Locator("td[data-label='Last contact']")).ToContainTextAsync("0 days ago");
        await Assertions.Expect(row.Locator("td[data-label='Next follow-up']")).ToContainTextAsync(followUp.ToString("MMM d, yyyy", CultureInfo.GetCultureInfo("en-CA")));
        await Assertions.Expect(row.Locator("td[data-label='Programs']")).ToHaveTextAsync("1");
        // The open safety alert comes before a journey without one (other tests' journeys may sit between them).
        await Assertions.Expect(rows.Filter(new() { HasText = "Rolande Tremblay" })).ToHaveCountAsync(1);
        var order = (await rows.AllInnerTextsAsync()).ToList();
        Assert.True(
            order.FindIndex(r => r.Contains("Rolande Tremblay", StringComparison.Ordinal)) < order.FindIndex(r => r.Contains("Simone Tremblay", StringComparison.Ordinal)),
            string.Join(" | ", order.Select(r => r.Split('\n')[0])));
        await ConsoleBrowser.CheckAsync(page, "caseload-urgency-en");

        await page.GetByLabel("No contact in 30 days").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("quiet=30", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator($"a[href='/console/journeys/{busy}']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("No contact in 30 days")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_inbox_warns_of_a_referral_for_a_person_who_already_has_a_journey()
    {
        var earlier = await AcceptedJourneyAsync("Bérangère");
        var again = await ReferralAsync("Bérangère");
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, LinkWorker);

        await page.GotoAsync("/console/inbox");

        var row = page.Locator("tbody tr").Filter(new() { Has = page.Locator($"a[href='/console/journeys/{again}']") });
        await Assertions.Expect(row).ToContainTextAsync("Possible duplicate");
        await Assertions.Expect(row.Locator($"a[href='/console/journeys/{earlier}']")).ToContainTextAsync("Accepted");
        await ConsoleBrowser.CheckAsync(page, "inbox-duplicate-en");
    }

    [Fact]
    public async Task A_tenant_admin_invites_a_person_with_roles_then_removes_them_and_sees_settings_and_plugins()
    {
        var userName = "invited-" + Guid.NewGuid().ToString("N")[..8];
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, "ab-admin");

        Assert.EndsWith("/console/admin", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("section[aria-labelledby=people] tbody")).ToContainTextAsync("Link worker (Alberta");
        await Assertions.Expect(page.Locator("section[aria-labelledby=settings]")).ToContainTextAsync("America/Edmonton");
        await ConsoleBrowser.CheckAsync(page, "admin-en");

        // Without a role the directory's own rule refuses, naming the field.
        await page.GetByLabel("Sign-in name").FillAsync(userName);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nadia Invited");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Roles");
        await Assertions.Expect(page.GetByLabel("Sign-in name")).ToHaveValueAsync(userName);

        await page.GetByLabel("Link worker").CheckAsync();
        await page.GetByLabel("Français").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nadia Invited is invited");
        var row = page.Locator("section[aria-labelledby=people] tbody tr").Filter(new() { HasText = userName });
        await Assertions.Expect(row).ToContainTextAsync("Invited, not yet accepted");
        await Assertions.Expect(row).ToContainTextAsync("Link worker");
        var outbox = Path.Combine(console.Factory.DataDirectory, "outbox", "account-links");
        Assert.Contains(Directory.EnumerateFiles(outbox), file => File.ReadAllText(file).Contains(userName, StringComparison.Ordinal));

        await row.GetByRole(AriaRole.Button, new() { Name = "Remove from this organization" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Remove every role {userName} has");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, remove" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{userName} no longer has any role");
        await Assertions.Expect(page.Locator("section[aria-labelledby=people] tbody tr").Filter(new() { HasText = userName })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_tenant_admin_changes_the_programs_settings_which_are_in_use_at_once_and_a_refused_one_names_the_setting()
    {
        var page = await console.NewPageAsync();
        await ConsoleBrowser.SignInAsync(page, "ab-admin");
        var settings = page.Locator("section[aria-labelledby=settings]");

        // A time zone the system does not know: refused with the rule's own words, and nothing is saved.
        await page.GetByLabel("Time zone").FillAsync("Mars/Olympus");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
        await Assertions.Expect(settings.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mars/Olympus");
        await ConsoleBrowser.CheckAsync(page, "admin-settings-refused-en");

        await page.GetByLabel("Time zone").FillAsync("America/Edmonton");
        await page.GetByLabel("Holidays").FillAsync("2099-12-24, 2099-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("are saved and in use now");
        await Assertions.Expect(settings.Locator("dl")).ToContainTextAsync("2099");
        var served = console.Factory.Services.GetRequiredService<SocialPrescribing.Domain.Tenants.ITenantDirectory>();
        Assert.True(served.TryGet(SocialPrescribing.Abstractions.TenantId.Parse("ab"), out var ab));
        Assert.Contains(new DateOnly(2099, 12, 31), ab.Holidays);
        Assert.Equal("America/Edmonton", ab.TimeZone.Id);
    }

    [Fact]
    public async Task A_tenant_admin_marks_a_program_of_the_directory_checked_today()
    {
        await ImportProgramAsync("Curation Chess Club", "Chess for all ages.");
        var page = await console.NewPageAsync("fr-CA");
        await ConsoleBrowser.SignInAsync(page, "ab-admin");

        await page.GetByRole(AriaRole.Link, new() { Name = "Entretien du répertoire communautaire" }).ClickAsync();
        await page.GetByLabel("Seulement les programmes non vérifiés depuis un an").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        var row = page.Locator("tbody tr").Filter(new() { HasText = "Curation Chess Club" });
        await Assertions.Expect(row).ToContainTextAsync("Jamais");
        await ConsoleBrowser.CheckAsync(page, "curation-fr");
        await row.GetByRole(AriaRole.Button, new() { Name = "Vérifié aujourd’hui" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Curation Chess Club est marqué comme vérifié aujourd’hui.");
        var checkedRow = page.Locator("tbody tr").Filter(new() { HasText = "Curation Chess Club" });
        await Assertions.Expect(checkedRow).ToContainTextAsync(ConsolePageDate(Today(), "fr"));
        await Assertions.Expect(checkedRow.Locator(".badge")).ToHaveCountAsync(0);

        // Whether it takes referrals: more places free than it has is refused in French, field and all, and nothing changes.
        await checkedRow.GetByText("Modifier l’accueil des orientations").ClickAsync();
        await checkedRow.GetByLabel("Liste d’attente").CheckAsync();
        await checkedRow.Locator("input[name=available]").FillAsync("5");
        await checkedRow.Locator("input[name=maximum]").FillAsync("3");
        await checkedRow.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Places libres maintenant (facultatif) : Plus de places libres que le service n’en compte.");
        await Assertions.Expect(checkedRow.Locator("input[name=available]")).ToHaveAttributeAsync("aria-invalid", "true");
        await ConsoleBrowser.CheckAsync(page, "curation-intake-error-fr");
        var unchanged = await Api.ReadAsync(await console.Api.GetAsync("/api/v1/tenants/ab/directory/curation?per_page=200", Token));
        Assert.Null(unchanged["items"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Curation Chess Club")!["waitlist"]);

        await checkedRow.Locator("input[name=available]").FillAsync("2");
        await checkedRow.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L’accueil des orientations de Curation Chess Club est enregistré.");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = "Curation Chess Club" })).ToContainTextAsync("Liste d’attente");
        var saved = await Api.ReadAsync(await console.Api.GetAsync("/api/v1/tenants/ab/directory/curation?per_page=200", Token));
        var intake = saved["items"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Curation Chess Club")!;
        Assert.Equal((false, true, 2, 3), (intake["acceptingReferrals"]!.GetValue<bool>(), intake["waitlist"]!.GetValue<bool>(), intake["availablePlaces"]!.GetValue<int>(), intake["maximumPlaces"]!.GetValue<int>()));
    }

    /// <summary>A date as the console writes it in <paramref name="lang"/>.</summary>
    private static string ConsolePageDate(DateOnly day, string lang) =>
        day.ToString(lang == "fr" ? "d MMM yyyy" : "MMM d, yyyy", CultureInfo.GetCultureInfo(lang + "-CA"));

    [Fact]
    public async Task A_supervisor_starts_on_the_team_dashboard_and_clicks_through_to_a_link_workers_caseload()
    {
        var journeyId = await AcceptedJourneyAsync("Ginette");
        await ReferralAsync("Huguette");
        var contacted = await AcceptedJourneyAsync("Georgette");
        await Api.CommandOkAsync(console.Api, contacted, "record-contact", new { mode = "phone", purpose = "introduction" });
        var page = await console.NewPageAsync("fr-CA");

        await ConsoleBrowser.SignInAsync(page, "sup-ab-1");

        Assert.EndsWith("/console/team", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord de l’équipe");
        var row = page.Locator("section[aria-labelledby=per-worker] tbody tr").Filter(new() { HasText = "Link worker (Alberta" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        var accepted = int.Parse(await row.Locator("td").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(accepted >= 1, $"accepted: {accepted}");
        var waiting = int.Parse(await page.Locator("ul.figures li .figure").First.InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(waiting >= 1, $"waiting: {waiting}");
        await Assertions.Expect(page.Locator("#caseload-chart-title")).ToContainTextAsync("Link worker (Alberta");
        // Referred, accepted and first contacted at the same (test) instant: a median wait of 0 days.
        await Assertions.Expect(row.Locator("td[data-label='Jours avant le premier contact (médiane)']")).ToHaveTextAsync("0");
        await ConsoleBrowser.CheckAsync(page, "team-fr");

        await Assertions.Expect(row.Locator("a[href='/console/training?worker=ab-link-worker']")).ToBeVisibleAsync();
        await row.Locator("a[href='/console/caseload?worker=ab-link-worker']").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Dossiers de Link worker (Alberta");
        await Assertions.Expect(page.Locator($"a[href='/console/journeys/{journeyId}']")).ToBeVisibleAsync();
        Assert.Contains("worker=ab-link-worker", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_manager_sees_the_teams_figures_and_the_reports_but_no_ones_record()
    {
        var journeyId = await AcceptedJourneyAsync("Ghislaine");
        var page = await console.NewPageAsync();

        await ConsoleBrowser.SignInAsync(page, "ab-manager");

        Assert.EndsWith("/console/team", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Team dashboard");
        var row = page.Locator("section[aria-labelledby=per-worker] tbody tr").Filter(new() { HasText = "Link worker (Alberta" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        // Figures only: nothing leads from the dashboard to a caseload, the inbox, an alert or a worker's training.
        Assert.Equal(0, await page.Locator("#main a[href^='/console/caseload'], #main a[href^='/console/inbox'], #main a[href^='/console/safety-alerts'], #main a[href^='/console/training']").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "My caseload" }).CountAsync());
        await ConsoleBrowser.CheckAsync(page, "team-manager-en");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Reports");

        // A person's record stays closed to them, and the attempt is in the audit log.
        await page.GotoAsync($"/console/journeys/{journeyId}");
        Assert.Contains("/console/denied", page.Url, StringComparison.Ordinal);
        using var audit = await console.Api.GetAsync("/api/v1/tenants/ab/audit?user=ab-manager&outcome=denied", Token);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("ab-manager", await audit.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task A_referral_goes_from_intake_to_discharge_through_the_console_by_everyone_who_touches_it(string lang)
    {
        var words = Words[lang];
        var program = lang == "fr" ? "Club des ornithologues" : "Birdwatchers Club";
        var (organization, _) = await ImportProgramAsync(program, "Birdwatching walks along the river: ornithologie au bord de la rivière.");
        var partner = await console.AddUserAsync(program + " coordinator", AccessRoles.CommunityPartner);
        var member = await console.Api.PutAsJsonAsync($"/api/v1/tenants/ab/directory/partners/{partner}", new { organizationIds = new[] { organization } }, Token);
        Assert.True(member.IsSuccessStatusCode, await member.Content.ReadAsStringAsync(Token));
        var referrer = await console.AddUserAsync("Dr. " + program, AccessRoles.Referrer);
        var familyName = lang == "fr" ? "Lavoie" : "Ouellet";
        var person = "Noémie " + familyName;
        var locale = lang + "-CA";

        // A referrer sends the referral.
        var intake = await console.NewPageAsync(locale);
        await ConsoleBrowser.SignInAsync(intake, referrer, ConsoleBrowser.Password);
        await Assertions.Expect(intake.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await intake.Locator("#given-name").FillAsync("Noémie");
        await intake.Locator("#family-name").FillAsync(familyName);
        await intake.Locator("#birth-date").FillAsync("1952-09-30");
        await intake.Locator("#postal-code").FillAsync("T2P 1J9");
        await intake.Locator($"input[name=preferredLanguage][value={lang}]").CheckAsync();
        await intake.Locator("input[name=reasons]").First.CheckAsync();
        await intake.Locator("#referrer-name").FillAsync("Dr. " + program);
        await intake.Locator("#referrer-organization").FillAsync("Bow Valley Family Clinic");
        await intake.Locator("#referrer-role").FillAsync(lang == "fr" ? "médecin de famille" : "family physician");
        await ConsoleBrowser.CheckAsync(intake, $"e2e-1-referral-{lang}");
        await Submit(intake, "referral");
        await Assertions.Expect(intake.GetByRole(AriaRole.Status)).ToContainTextAsync(words["sent"]);
        var journeyId = Guid.Parse(new Uri(intake.Url).Query.Split("done=")[1]);

        // The link worker accepts it from the inbox, logs the first contact with a follow-up, what matters and a plan.
        var worker = await console.NewPageAsync(locale);
        await ConsoleBrowser.SignInAsync(worker, LinkWorker);
        await worker.GotoAsync("/console/inbox");
        await worker.GetByRole(AriaRole.Link, new() { Name = person }).ClickAsync();
        await Submit(worker, "accept");
        await Assertions.Expect(worker.GetByRole(AriaRole.Status)).ToContainTextAsync(words["accepted"]);

        await Open(worker, "contact");
        await worker.Locator("#contact-mode").SelectOptionAsync("phone");
        await worker.Locator("#contact-purpose").FillAsync(lang == "fr" ? "Premier appel" : "First call");
        await worker.Locator("#contact-follow-up").FillAsync(Today().AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Submit(worker, "contact");
        await Assertions.Expect(worker.GetByRole(AriaRole.Status)).ToContainTextAsync(words["contact"]);

        await Open(worker, "what-matters");
        await worker.Locator("#what-matters-text").FillAsync(lang == "fr" ? "L'ornithologie\nSortir de chez moi" : "Birdwatching\nGetting out of the house");
        await Submit(worker, "what-matters");
        await Open(worker, "plan");
        await worker.Locator("#plan-text").FillAsync(lang == "fr" ? "Se joindre à une sortie d'ornithologie" : "Join a birdwatching walk");
        await Submit(worker, "plan");
        await Assertions.Expect(worker.Locator("section[aria-labelledby=plan] ul")).ToContainTextAsync(lang == "fr" ? "ornithologie" : "birdwatching");
        await ConsoleBrowser.CheckAsync(worker, $"e2e-2-engaged-{lang}");

        // A PHQ-9 with a self-harm answer above 0 shows the safety alert at once.
        await worker.GotoAsync($"/console/journeys/{journeyId}/assessments/new?instrument=phq9");
        int[] answers = [2, 1, 1, 1, 0, 1, 0, 0, 1];
        for (var i = 0; i < answers.Length; i++)
        {
            await worker.Locator("fieldset.field").Nth(i).Locator($"input[value='{answers[i]}']").CheckAsync();
        }

        await ConsoleBrowser.CheckAsync(worker, $"e2e-3-phq9-{lang}");
        await Submit(worker, "assessment");
        await worker.WaitForURLAsync($"**/console/journeys/{journeyId}?done=assessment");
        await Assertions.Expect(worker.Locator(".banner [role=alert]")).ToContainTextAsync(words["alert"]);

        // A supervisor acknowledges the alert with what was done.
        var supervisor = await console.NewPageAsync(locale);
        await ConsoleBrowser.SignInAsync(supervisor, "sup-ab-1");
        await supervisor.GotoAsync("/console/safety-alerts");
        var alert = supervisor.GetByRole(AriaRole.Article).Filter(new() { Has = supervisor.Locator($"a[href='/console/journeys/{journeyId}']") });
        await alert.Locator("textarea").FillAsync(lang == "fr" ? "Appelée le jour même ; plan de sécurité convenu." : "Called the same day; safety plan agreed.");
        await ConsoleBrowser.CheckAsync(supervisor, $"e2e-4-safety-alert-{lang}");
        await alert.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Status)).ToContainTextAsync(words["acknowledged"]);

        // The link worker finds the program among the person's matches and refers them.
        await worker.GotoAsync($"/console/journeys/{journeyId}");
        await Assertions.Expect(worker.Locator(".banner [role=alert]")).ToHaveCountAsync(0);
        await worker.Locator($"a[href='/console/journeys/{journeyId}/programs']").ClickAsync();
        var match = worker.Locator("section[aria-labelledby=suggested] article").Filter(new() { HasText = program });
        await ConsoleBrowser.CheckAsync(worker, $"e2e-5-programs-{lang}");
        await match.Locator("button[type=submit]").ClickAsync();
        await worker.WaitForURLAsync($"**/console/journeys/{journeyId}?done=referral");

        // The program's coordinator accepts the referral.
        var coordinator = await console.NewPageAsync(locale);
        await ConsoleBrowser.SignInAsync(coordinator, partner, ConsoleBrowser.Password);
        await coordinator.GetByRole(AriaRole.Row).Filter(new() { HasText = program }).GetByRole(AriaRole.Link).First.ClickAsync();
        await coordinator.Locator("input[name=answer][value=accepted]").CheckAsync();
        await ConsoleBrowser.CheckAsync(coordinator, $"e2e-6-partner-{lang}");
        await Submit(coordinator, "answer");
        await Assertions.Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync(words["answered"]);

        // The link worker sees the answer, closes the journey and prints the letter to the referrer.
        await worker.GotoAsync($"/console/journeys/{journeyId}");
        await Assertions.Expect(worker.Locator("section[aria-labelledby=programs] tbody tr").Filter(new() { HasText = program })).ToContainTextAsync(words["partnerAccepted"]);
        await Open(worker, "discharge");
        await worker.Locator("#discharge-text").FillAsync(lang == "fr" ? "Objectifs atteints" : "Goals met");
        await Submit(worker, "discharge");
        await Assertions.Expect(worker.GetByRole(AriaRole.Status)).ToContainTextAsync(words["discharged"]);
        await ConsoleBrowser.CheckAsync(worker, $"e2e-7-discharged-{lang}");
        await worker.Locator($"a[href='/console/journeys/{journeyId}/documents/referrer-discharge?lang={lang}']").ClickAsync();
        await Assertions.Expect(worker.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("^" + lang));
        await Assertions.Expect(worker.Locator("body")).ToContainTextAsync(person);
        await Assertions.Expect(worker.Locator("body")).ToContainTextAsync(program);
        await worker.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowser.Screenshots, $"e2e-8-letter-{lang}.png"), FullPage = true });

        var journey = await Api.GetJourneyAsync(console.Api, journeyId);
        Assert.Equal("discharged", journey["status"]!.GetValue<string>());
        Assert.Equal("accepted", journey["communityReferrals"]![0]!["partnerAnswer"]!.GetValue<string>());
        Assert.False(journey["safetyAlerts"]![0]!["acknowledgedAt"] is null);
    }

    /// <summary>What each step says when it is done, in each language.</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["en"] = new()
        {
            ["sent"] = "The referral is sent", ["accepted"] = "Accepted", ["contact"] = "The contact is saved.", ["alert"] = "Safety alert",
            ["acknowledged"] = "The alert is acknowledged.", ["answered"] = "Your answer is sent", ["partnerAccepted"] = "Accepted",
            ["discharged"] = "The journey is closed.",
        },
        ["fr"] = new()
        {
            ["sent"] = "La demande est envoyée", ["accepted"] = "Acceptée", ["contact"] = "Le contact est enregistré.", ["alert"] = "Alerte de sécurité",
            ["acknowledged"] = "L'alerte est prise en charge.", ["answered"] = "Votre réponse est transmise", ["partnerAccepted"] = "Accept",
            ["discharged"] = "Le parcours est terminé.",
        },
    };

    private DateOnly Today() => DateOnly.FromDateTime(console.Factory.Time.GetUtcNow().UtcDateTime);

    /// <summary>Sends the form the console named <paramref name="form"/> on the page.</summary>
    private static Task Submit(IPage page, string form) =>
        page.Locator($"form:has(input[name=_handler][value='{form}']) button[type=submit]").ClickAsync();

    /// <summary>Opens the folded action that holds the form named <paramref name="form"/>.</summary>
    private static Task Open(IPage page, string form) =>
        page.Locator($"details:has(input[name=_handler][value='{form}']) > summary").ClickAsync();

    private async Task LoadPostalCodesAsync(string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        var loaded = await console.Api.PutAsync("/api/v1/tenants/ab/directory/postal-codes", content, Token);
        Assert.True(loaded.IsSuccessStatusCode, await loaded.Content.ReadAsStringAsync(Token));
    }
}
