using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Jobs;

/// <summary>
/// How a sweep works through due work read from an index a page at a time: each page's items are run a few at once,
/// and one that fails is counted and reported, not thrown, so it stays due for the next sweep while the rest go on.
/// </summary>
internal static class DueWork
{
    /// <summary>Items run at once (each a call into a journey's grain).</summary>
    public const int AtOnce = 4;

    /// <summary>
    /// Sweeps each tenant in turn with <paramref name="sweep"/>, reports each tenant that had work with
    /// <paramref name="swept"/> (tenant, done, failed), and returns how many items were done in all.
    /// </summary>
    public static async Task<int> EveryTenantAsync(
        ITenantDirectory tenants, Func<TenantSettings, Task<(int Done, int Failed)>> sweep, Action<string, int, int> swept)
    {
        var total = 0;
        foreach (var tenant in tenants.All)
        {
            var (done, failed) = await sweep(tenant);
            if (done + failed > 0)
            {
                swept(tenant.Id.Value, done, failed);
            }

            total += done;
        }

        return total;
    }

    /// <summary>
    /// Reads pages with <paramref name="readPage"/> (given the previous page's last row, null for the first) until one
    /// comes back short of <paramref name="pageSize"/>, and runs every item of every row.
    /// </summary>
    public static async Task<(int Done, int Failed)> SweepAsync<TRow, TItem>(
        Func<TRow?, Task<IReadOnlyList<TRow>>> readPage,
        int pageSize,
        Func<TRow, IEnumerable<TItem>> itemsOf,
        Func<TItem, Task> run,
        Action<Exception, TItem> failed,
        CancellationToken cancellationToken)
        where TRow : class
    {
        var (done, failures) = (0, 0);
        TRow? after = null;
        while (true)
        {
            var page = await readPage(after);
            await Parallel.ForEachAsync(
                page.SelectMany(itemsOf),
                new ParallelOptions { MaxDegreeOfParallelism = AtOnce, CancellationToken = cancellationToken },
                async (item, _) =>
                {
                    try
                    {
                        await run(item);
                        Interlocked.Increment(ref done);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failures);
                        failed(ex, item);
                    }
                });
            if (page.Count < pageSize)
            {
                return (done, failures);
            }

            after = page[^1];
        }
    }
}
