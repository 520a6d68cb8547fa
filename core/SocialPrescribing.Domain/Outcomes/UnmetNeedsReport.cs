using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// The gaps in a program's directory over a period, for commissioners: the unmet needs recorded, by need, by area (a
/// postal code's first three characters) and by both. So that no one can be picked out of a small count, a count from
/// 1 to <see cref="SmallCell"/> − 1 is suppressed: shown as null (with <c>Suppressed</c> set on a count).
/// </summary>
public sealed record UnmetNeedsReport(
    string Tenant,
    DateTimeOffset? From,
    DateTimeOffset To,
    int? Needs,
    int? People,
    ImmutableArray<UnmetNeedCount> ByNeed,
    ImmutableArray<UnmetNeedCount> ByArea,
    ImmutableArray<UnmetNeedCount> ByNeedAndArea)
{
    public const int SmallCell = SmallCells.Threshold;

    /// <summary>What an area is called when the person's postal code is not a Canadian one.</summary>
    public const string UnknownArea = "unknown";

    /// <summary>The report over journeys' unmet-need digests, counting needs recorded in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static UnmetNeedsReport Compute(string tenant, IEnumerable<ImmutableArray<UnmetNeedDigest.Entry>> journeys, DateTimeOffset? from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var inPeriod = journeys
            .Select(j => j.Where(e => (from is null || e.At >= from) && e.At <= to).ToList())
            .Where(j => j.Count > 0)
            .ToList();
        var needs = inPeriod.SelectMany(j => j).ToList();
        return new UnmetNeedsReport(
            tenant,
            from,
            to,
            Suppress(needs.Count),
            Suppress(inPeriod.Count),
            Count(needs, e => (e.Need, (string?)null)),
            Count(needs, e => ((string?)null, e.Area ?? UnknownArea)),
            Count(needs, e => (e.Need, e.Area ?? UnknownArea)));
    }

    private static ImmutableArray<UnmetNeedCount> Count(IEnumerable<UnmetNeedDigest.Entry> needs, Func<UnmetNeedDigest.Entry, (string? Need, string? Area)> key) =>
    [
        .. needs.GroupBy(key)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Need, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Area, StringComparer.Ordinal)
            .Select(g => g.Count() < SmallCell ? new UnmetNeedCount(g.Key.Need, g.Key.Area, null, true) : new UnmetNeedCount(g.Key.Need, g.Key.Area, g.Count(), false)),
    ];

    // Totals are suppressed like any count when they are small.
    private static int? Suppress(int count) => count is > 0 and < SmallCell ? null : count;
}

/// <summary>How many unmet needs of one need, area, or both; null when suppressed.</summary>
public sealed record UnmetNeedCount(string? Need, string? Area, int? Count, bool Suppressed);
