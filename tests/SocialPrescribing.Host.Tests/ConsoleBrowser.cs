using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The real host on Kestrel and Debian's Chromium driven by Playwright: what the console's tests stand on. Each test
/// gets a fresh browser context (no cookies); every page a test visits can be checked with axe and kept as a
/// screenshot under the test output (<c>screenshots/</c>), for reviewers.
/// </summary>
public class ConsoleBrowser : IAsyncLifetime
{
    public ConsoleBrowser()
        : this(new Dictionary<string, string>())
    {
    }

    /// <summary>A host with <paramref name="settings"/> on top of the test defaults.</summary>
    protected ConsoleBrowser(IReadOnlyDictionary<string, string> settings) => Factory = new JourneyHostFactory(settings: settings);

    /// <summary>Debian's Chromium (<c>apt-get install chromium</c>); <c>SP_CHROMIUM</c> names another.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("SP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The demo accounts' password (Development and tests only).</summary>
    public const string DemoPassword = "Demo-password-2026";

    /// <summary>The password of the accounts a test adds.</summary>
    public const string Password = "Console-test-password-1";

    private readonly List<IPage> _pages = [];

    private IPlaywright? _playwright;

    public JourneyHostFactory Factory { get; }

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The host's address as the browser sees it.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>An API client on the same host (tokens minted for the test tenant), to set the scene.</summary>
    public HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The console's browser tests need Chromium at {Chromium} (apt-get install -y chromium, or set SP_CHROMIUM).");
        }

        var port = FreePort.Next();
        Factory.UseKestrel(port);
        Factory.StartServer();
        Address = new Uri($"http://127.0.0.1:{port}/");
        Api = new HttpClient(new TenantTokenHandler(Factory.DataDirectory) { InnerHandler = new HttpClientHandler() }) { BaseAddress = Address };
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // CI runs as root, where Chromium's own sandbox cannot start.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A new browser (no cookies) in <paramref name="locale"/>, on a tablet-sized window.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-CA")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.AbsoluteUri,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>Signs in on the host's own page (the console sent the browser there) and waits for the console.</summary>
    public static async Task SignInAsync(IPage page, string user, string password = DemoPassword)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("User name").Or(page.GetByLabel("Nom d’utilisateur")).FillAsync(user);
        await page.GetByLabel("Password").Or(page.GetByLabel("Mot de passe")).FillAsync(password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
        // Sign-in is a password hash and several redirects: under CI's load (every test project at once) it gets longer than a click.
        // Then the console's own content, not the page's load event: once a CI run saw the console drawn in full while a
        // subresource kept "load" from firing for 90 s, which is not the sign-in failing.
        await page.WaitForURLAsync(
            url => url.Contains("/console", StringComparison.Ordinal) && !url.Contains("signed-in", StringComparison.Ordinal),
            new() { Timeout = 90_000, WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("main#main")).ToBeVisibleAsync(new() { Timeout = 90_000 });
    }

    /// <summary>axe on the page as it stands: no WCAG 2.1 A or AA violation; then a screenshot named <paramref name="name"/>.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join("; ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").ToList();
        Assert.True(violations.Count == 0, $"{name}: {string.Join(Environment.NewLine, violations)}");
    }

    /// <summary>
    /// After a test: when it failed, where each of its pages stood (address and a screenshot, <c>failed-*.png</c>),
    /// written to the test's output; then its pages are closed.
    /// </summary>
    public async Task EndTestAsync()
    {
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            if (failed && !page.IsClosed)
            {
                var name = $"failed-{TestContext.Current.TestMethod?.MethodName}-{i}.png";
                TestContext.Current.TestOutputHelper?.WriteLine($"page {i}: {page.Url} ({name})");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = true });
            }

            await page.Context.CloseAsync();
        }

        _pages.Clear();
    }

    /// <summary>A new account of the test tenant with one role; returns its sign-in name.</summary>
    public async Task<string> AddUserAsync(string displayName, string role)
    {
        var name = "console-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = Factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserDirectory>().AddAsync(SocialPrescribing.Abstractions.TenantId.Parse(Tests.Api.Tenant), name, displayName, [role], Password);
        Assert.True(added.Succeeded, added.Error);
        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the browser and the host and deletes the host's data; a derived fixture adds what it made.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Api?.Dispose();
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolders.Delete(Factory.DataDirectory);
    }
}
