using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// <para>
/// <c>audit verify [--tenant T]</c>: walks each tenant's audit chain (or the one named) and says whether it is intact
/// or where an entry was changed, removed or reordered. Exit codes: 0 every chain intact, 1 a chain is broken (or the
/// tenant is unknown), 2 usage. Operators run it on a schedule and alert on 1; it prints sequences, never contents.
/// </para>
/// <para>
/// <c>audit purge [--tenant T] [--dry-run]</c>: removes each configured tenant's entries older than its retention
/// (<c>Tenants:&lt;id&gt;:AuditRetentionYears</c>, default 10), after verifying its chain; a broken chain is left
/// whole. With <c>--dry-run</c> it only says what it would remove. Exit codes as for verify. Runs as the owner role
/// (<c>ConnectionStrings:PostgresOwner</c>) on PostgreSQL: the application's role may not delete entries.
/// </para>
/// </summary>
internal static class AuditCommands
{
    private const string Usage = "Usage: audit verify [--tenant T] | audit purge [--tenant T] [--dry-run] (--dry-run last)";

    public static bool Handles(string[] args) => args is ["audit", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not ["audit", "verify" or "purge", ..])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        TenantId? named;
        try
        {
            named = new CommandArguments(args).OptionalTenant();
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.Message}\n{Usage}");
            return 2;
        }

        if (named is { } one && !services.GetRequiredService<ITenantDirectory>().TryGet(one, out _))
        {
            await Console.Error.WriteLineAsync($"--tenant: no tenant {one.Value} is configured here.");
            return 1;
        }

        var log = services.GetRequiredService<IAuditLog>();
        if (args[1] == "purge")
        {
            return await PurgeAsync(services, log, named, dryRun: args.Contains("--dry-run"));
        }

        IReadOnlyList<TenantId> tenants = named is { } only ? [only] : await log.ListAuditedTenantsAsync();
        var broken = 0;
        foreach (var tenant in tenants)
        {
            var result = await log.VerifyAsync(tenant);
            if (result.IsIntact)
            {
                await Console.Out.WriteLineAsync($"{tenant.Value}: intact, {result.Entries} entries.");
            }
            else
            {
                broken++;
                await Console.Out.WriteLineAsync($"{tenant.Value}: BROKEN at entry {result.BrokenAt} ({result.Break}): {result.Detail}");
            }
        }

        if (tenants.Count == 0)
        {
            await Console.Out.WriteLineAsync("No audit entries yet.");
        }

        return broken == 0 ? 0 : 1;
    }

    private static async Task<int> PurgeAsync(IServiceProvider services, IAuditLog log, TenantId? named, bool dryRun)
    {
        var directory = services.GetRequiredService<ITenantDirectory>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        IReadOnlyList<TenantId> tenants = named is { } only ? [only] : await log.ListAuditedTenantsAsync();
        var broken = 0;
        foreach (var tenant in tenants)
        {
            if (!directory.TryGet(tenant, out var settings))
            {
                // A chain of a tenant no longer configured is kept: nobody here knows its retention.
                await Console.Out.WriteLineAsync($"{tenant.Value}: not configured here; kept whole.");
                continue;
            }

            var before = now.AddYears(-settings.AuditRetentionYears);
            if (dryRun)
            {
                var older = await log.QueryAsync(tenant, new AuditQuery { To = before.AddTicks(-TimeSpan.TicksPerMicrosecond), PageSize = 1 });
                await Console.Out.WriteLineAsync($"{tenant.Value}: would remove {older.Total} entries written before {before:yyyy-MM-dd} ({settings.AuditRetentionYears} years kept).");
                continue;
            }

            var purge = await log.PurgeAsync(tenant, before);
            if (!purge.Verification.IsIntact)
            {
                broken++;
                await Console.Out.WriteLineAsync($"{tenant.Value}: BROKEN at entry {purge.Verification.BrokenAt} ({purge.Verification.Break}); nothing removed. {purge.Verification.Detail}");
                continue;
            }

            await Console.Out.WriteLineAsync(
                $"{tenant.Value}: removed {purge.Purged} entries written before {before:yyyy-MM-dd} ({settings.AuditRetentionYears} years kept); the chain now starts after entry {purge.Anchor.Sequence}.");
        }

        if (tenants.Count == 0)
        {
            await Console.Out.WriteLineAsync("No audit entries yet.");
        }

        return broken == 0 ? 0 : 1;
    }
}
