using Microsoft.Playwright;

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
}
