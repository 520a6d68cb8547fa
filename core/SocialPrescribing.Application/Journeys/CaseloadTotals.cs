using System.Collections.Concurrent;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.Journeys;

/// <summary>
/// The totals of large caseloads, as counted a moment ago: counting tens of thousands of rows for every page of the
/// whole program or of a stage costs more than the page itself, and a total that large read a few seconds late tells
/// its reader the same. Totals under <see cref="CountedEachTime"/> are counted on every page; larger ones are kept for
/// <see cref="Lifetime"/> per tenant and filter.
/// </summary>
public sealed class CaseloadTotals(TimeProvider time)
{
    /// <summary>Totals below this are counted on every page, exactly.</summary>
    public const long CountedEachTime = 1_000;

    /// <summary>How long a large total is given again before it is counted anew.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>Kept totals past which all are dropped (filters by an instant, say, are seldom asked twice).</summary>
    private const int MaxKept = 10_000;

    private readonly ConcurrentDictionary<(TenantId Tenant, JourneyQuery Filter), (long Total, DateTimeOffset CountedAt)> _totals = new();

    /// <summary>The total of the caseload <paramref name="query"/> filters, when a large one was counted within <see cref="Lifetime"/>.</summary>
    public long? Recent(TenantId tenant, JourneyQuery query) =>
        _totals.TryGetValue((tenant, FilterOf(query)), out var kept) && time.GetUtcNow() - kept.CountedAt < Lifetime ? kept.Total : null;

    /// <summary>Keeps a total just counted, when it is large.</summary>
    public void Counted(TenantId tenant, JourneyQuery query, long total)
    {
        if (total < CountedEachTime)
        {
            _totals.TryRemove((tenant, FilterOf(query)), out _);
            return;
        }

        if (_totals.Count >= MaxKept)
        {
            _totals.Clear();
        }

        _totals[(tenant, FilterOf(query))] = (total, time.GetUtcNow());
    }

    /// <summary>What the total depends on: the filters, not the page, the order or the position.</summary>
    private static JourneyQuery FilterOf(JourneyQuery query) =>
        query with { Page = 1, PageSize = 1, After = null, KnownTotal = null, ByUrgency = false, ByOldestOpenAlert = false };
}
