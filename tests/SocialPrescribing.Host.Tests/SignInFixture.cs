using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Host.Features.SignIn;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// A host for the sign-in tests: a registered console (public client), a low lockout threshold and per-account limit,
/// and the sign-in events and account links captured — each still passed on to the host's default, so the tests can
/// also check what the defaults write.
/// </summary>
public sealed class SignInFixture : IAsyncLifetime
{
    public const string Console = "sp-console";
    public const string RedirectUri = "https://console.test/signed-in";
    public const string PostLogoutUri = "https://console.test/signed-out";
    public const int MaxFailedAttempts = 3;
    public const int AttemptsPerMinute = 8;

    public SignInFixture()
    {
        Factory = new JourneyHostFactory(
            settings: new Dictionary<string, string>
            {
                ["SignIn:MaxFailedAttempts"] = MaxFailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SignIn:AttemptsPerAccountPerMinute"] = AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Edge:TokenRequestsPerMinute"] = "100000",
            },
            services: services =>
            {
                services.AddSingleton<ILoggerProvider>(Logs);
                services.RemoveAll<ISignInEvents>();
                services.AddSingleton<ISignInEvents>(sp => new CapturedSignIns(Events, ActivatorUtilities.CreateInstance<Features.Audit.AuditedSignInEvents>(sp)));
                services.RemoveAll<IAccountLinkSender>();
                services.AddSingleton<IAccountLinkSender>(sp => new CapturedLinks(Links, new AccountLinkOutbox(LinkFolder, sp.GetRequiredService<ILogger<AccountLinkOutbox>>())));
            });
    }

    public JourneyHostFactory Factory { get; }

    public CapturedLogs Logs { get; } = new();

    public ConcurrentQueue<(string Kind, SignInEvent Event)> Events { get; } = new();

    public ConcurrentQueue<AccountLink> Links { get; } = new();

    public string LinkFolder => Path.Combine(Factory.DataDirectory, "outbox", "account-links");

    public async ValueTask InitializeAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().AddPublicAsync(Console, [RedirectUri], [PostLogoutUri]);
        Assert.True(added.Succeeded, added.Error);
    }

    /// <summary>A new account (a fresh name each time) with roles in tenants; returns its name.</summary>
    public async Task<string> AddUserAsync(string password, params (string Tenant, string Role)[] grants)
    {
        var name = "person-" + Guid.NewGuid().ToString("N")[..10];
        await using var scope = Factory.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<UserDirectory>();
        var first = true;
        foreach (var (tenant, role) in grants)
        {
            var result = await directory.AddAsync(TenantId.Parse(tenant), name, "Person " + name, [role], first ? password : null);
            Assert.True(result.Succeeded, result.Error);
            first = false;
        }

        return name;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        TempFolders.Delete(Factory.DataDirectory);
    }

    private sealed class CapturedLinks(ConcurrentQueue<AccountLink> links, IAccountLinkSender inner) : IAccountLinkSender
    {
        public Task SendAsync(AccountLink link, CancellationToken cancellationToken)
        {
            links.Enqueue(link);
            return inner.SendAsync(link, cancellationToken);
        }
    }
}
