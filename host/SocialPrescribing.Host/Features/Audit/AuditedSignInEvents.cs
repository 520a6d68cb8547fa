using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Host.Features.SignIn;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// Sign-ins in the audit log of the tenant they were for (category <c>sign-in</c>): a success as <c>allowed</c>
/// (action <c>sign-in</c>), a refusal as <c>denied</c> with the reason as its action (<c>password</c>,
/// <c>second-factor</c>, <c>not-allowed</c>, <c>locked-out</c>, <c>rate-limited</c>), a lockout as <c>lockout</c>. An
/// attempt before a tenant is chosen goes to the log of every tenant the account holds roles in (each tenant's
/// privacy officers see attempts on their people); a name no account has has no tenant's log to go to and is only
/// logged, without the name, as before.
/// </summary>
internal sealed class AuditedSignInEvents(LoggingSignInEvents log, AuditWriter writer, IServiceScopeFactory scopes) : ISignInEvents
{
    private const string Category = "sign-in";

    public async Task SignedInAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        await log.SignedInAsync(signIn, cancellationToken);
        await RecordAsync(signIn, "sign-in", AuditEntry.Allowed);
    }

    public async Task SignInFailedAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        await log.SignInFailedAsync(signIn, cancellationToken);
        await RecordAsync(signIn, signIn.Reason ?? "refused", AuditEntry.Denied);
    }

    public async Task LockedOutAsync(SignInEvent signIn, CancellationToken cancellationToken)
    {
        await log.LockedOutAsync(signIn, cancellationToken);
        await RecordAsync(signIn, "lockout", AuditEntry.Denied);
    }

    private async Task RecordAsync(SignInEvent signIn, string action, string outcome)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (signIn.UserName.Length is 0 or > AuditEntry.MaxActorLength)
        {
            return;
        }

        IReadOnlyList<TenantId> tenants = TenantId.TryParse(signIn.Tenant, out var known) ? [known] : await TenantsOfAsync(signIn.UserName);
        await writer.WriteAsync([.. tenants.Select(tenant => new AuditEntry(
            tenant,
            signIn.OccurredAt,
            signIn.UserName,
            null,
            null,
            null,
            Category,
            action,
            outcome,
            RequestId: signIn.RequestId,
            SourceAddress: signIn.SourceAddress))]);
    }

    /// <summary>The tenants the account of this name holds roles in; none when no account has the name.</summary>
    private async Task<IReadOnlyList<TenantId>> TenantsOfAsync(string userName)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<UserManager<UserAccount>>().FindByNameAsync(userName) is not { } account)
        {
            return [];
        }

        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var names = await db.RoleGrants.Where(g => g.UserId == account.Id).Select(g => g.Tenant).Distinct().ToListAsync();
        return [.. names.Order(StringComparer.Ordinal).Select(n => TenantId.TryParse(n, out var t) ? (TenantId?)t : null).OfType<TenantId>()];
    }
}
