using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Features.Federation;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>What the sign-in pages share: the person signed in here (if any), their tenants, the per-account limit, and the events they raise.</summary>
internal sealed class SignInFlow(
    UserManager<UserAccount> users,
    AccountSignInManager signIn,
    UserDirectory directory,
    ITenantDirectory tenants,
    ISignInEvents events,
    SignInLimiter limiter,
    FederationDirectory federation,
    IOptions<SignInOptions> options)
{
    public UserManager<UserAccount> Users => users;

    public AccountSignInManager SignIn => signIn;

    public UserDirectory Directory => directory;

    public SignInOptions Options => options.Value;

    /// <summary>The person signed in to the host's session, when their account is still enabled.</summary>
    public async Task<UserAccount?> CurrentUserAsync(HttpContext http)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || await users.GetUserAsync(session.Principal) is not { Disabled: false } user)
        {
            return null;
        }

        return user;
    }

    /// <summary>The tenants the person holds roles in that this deployment serves, with those roles.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> TenantsOfAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var held = await directory.TenantsOfAsync(user, cancellationToken);
        return held.Where(t => TenantId.TryParse(t.Key, out var id) && tenants.TryGet(id, out _)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// The tenants this session may act in: a session opened at a tenant's own provider reaches that tenant only (its
    /// provider vouches for nothing else); a password session never reaches a tenant that takes no passwords.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> SessionTenantsAsync(HttpContext http, UserAccount user)
    {
        var tenants = await TenantsOfAsync(user, http.RequestAborted);
        var federated = await FederatedTenantAsync(http);
        return tenants.Where(t => federated is null ? federation.AllowsLocalPasswords(t.Key) : t.Key == federated).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    /// <summary>The tenant whose provider opened the host's session; null for a password session (or none).</summary>
    public async Task<string?> FederatedTenantAsync(HttpContext http)
    {
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return session.Succeeded ? federation.ForScheme(session.Principal.FindFirst(ClaimTypes.AuthenticationMethod)?.Value)?.Tenant.Value : null;
    }

    public string TenantName(string tenant) =>
        TenantId.TryParse(tenant, out var id) && tenants.TryGet(id, out var settings) ? settings.DisplayName : tenant;

    /// <summary>
    /// Counts an attempt for <paramref name="userName"/>; over the limit, raises the refusal, sets <c>Retry-After</c>
    /// and returns the message for the page (else null).
    /// </summary>
    public async Task<string?> OverLimitAsync(HttpContext http, AccountPage page, string userName)
    {
        if (limiter.TryAcquire(userName) is not { } wait)
        {
            return null;
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await events.SignInFailedAsync(Event(http, userName, null, SignInFailure.RateLimited), http.RequestAborted);
        return page.Text.Format(page.Text.TooManyAttempts, seconds);
    }

    public async Task SignedInAsync(HttpContext http, string userName)
    {
        var user = await users.FindByNameAsync(userName);
        var held = user is null ? null : await TenantsOfAsync(user, http.RequestAborted);
        await events.SignedInAsync(Event(http, userName, held is { Count: 1 } ? held.Keys.Single() : null, null), http.RequestAborted);
    }

    /// <summary>A person signed in at <paramref name="tenant"/>'s own provider.</summary>
    public Task FederatedSignedInAsync(HttpContext http, string userName, string tenant) =>
        events.SignedInAsync(Event(http, userName, tenant, null), http.RequestAborted);

    /// <summary>A sign-in at <paramref name="tenant"/>'s provider refused here (or there); <paramref name="who"/> is the account, or the provider's subject when none.</summary>
    public Task FederatedFailedAsync(HttpContext http, string who, string tenant, string reason) =>
        events.SignInFailedAsync(Event(http, who, tenant, reason), http.RequestAborted);

    public Task FailedAsync(HttpContext http, string userName, string reason) =>
        reason == SignInFailure.LockedOut
            ? events.LockedOutAsync(Event(http, userName, null, reason), http.RequestAborted)
            : events.SignInFailedAsync(Event(http, userName, null, reason), http.RequestAborted);

    private static SignInEvent Event(HttpContext http, string userName, string? tenant, string? reason) =>
        new(userName, tenant, http.Connection.RemoteIpAddress?.ToString(), http.TraceIdentifier, reason, TimeProvider.System.GetUtcNow());
}
