using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Host.Hosting;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// <c>audit verify [--tenant T]</c>: walks each tenant's audit chain (or the one named) and says whether it is intact
/// or where an entry was changed, removed or reordered. Exit codes: 0 every chain intact, 1 a chain is broken (or the
/// tenant is unknown), 2 usage. Operators run it on a schedule and alert on 1; it prints sequences, never contents.
/// </summary>
internal static class AuditCommands
{
    private const string Usage = "Usage: audit verify [--tenant T]";

    public static bool Handles(string[] args) => args is ["audit", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not ["audit", "verify", ..])
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
}
