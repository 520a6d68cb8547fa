using System.Collections.Immutable;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// How many people referred to community programs got there: of the people whose first community referral was made in
/// the period, those who started at least one program (attended, in progress or completed) by the period's end; for
/// the program and for each link worker.
/// </summary>
/// <param name="Referred">People whose first community referral was made in the period.</param>
/// <param name="Connected">Of them, those who started at least one program by the period's end.</param>
/// <param name="ShareConnected">Connected ÷ referred, from 0 to 1, to four decimals; 0 when no one was referred.</param>
/// <param name="ByLinkWorker">The same for each link worker's people (unassigned journeys under an empty id), by id.</param>
public sealed record ConnectionSummary(int Referred, int Connected, decimal ShareConnected, ImmutableArray<LinkWorkerConnection> ByLinkWorker);

/// <summary>One link worker's share of people connected.</summary>
public sealed record LinkWorkerConnection(string LinkWorkerId, int Referred, int Connected, decimal ShareConnected);

public static class ConnectionOutcomes
{
    /// <summary>The summary over journeys given as their link worker and referral digests, for the period [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static ConnectionSummary Compute(IEnumerable<(string? LinkWorkerId, ImmutableArray<CommunityReferralDigest.Entry> Referrals)> journeys, DateTimeOffset? from, DateTimeOffset to) =>
        Compute([], journeys, from, to);

    /// <summary>
    /// The summary from journeys already counted per link worker (first referred in the period, and of them connected by
    /// its end) and from journeys given as their referral digests, for the period [<paramref name="from"/>, <paramref name="to"/>].
    /// </summary>
    public static ConnectionSummary Compute(
        IEnumerable<(string? LinkWorkerId, int Referred, int Connected)> counted,
        IEnumerable<(string? LinkWorkerId, ImmutableArray<CommunityReferralDigest.Entry> Referrals)> journeys,
        DateTimeOffset? from,
        DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(journeys);
        var people = journeys
            .Where(j => !j.Referrals.IsEmpty)
            .Select(j => (Worker: j.LinkWorkerId, First: j.Referrals.Min(r => r.MadeAt), Connected: j.Referrals.Any(r => r.StartedAt is { } s && s <= to)))
            .Where(p => (from is null || p.First >= from) && p.First <= to)
            .Select(p => (LinkWorkerId: p.Worker, Referred: 1, Connected: p.Connected ? 1 : 0));
        var byWorker = counted.Concat(people)
            .GroupBy(c => c.LinkWorkerId ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Worker: g.Key, Referred: g.Sum(c => c.Referred), Connected: g.Sum(c => c.Connected)))
            .Where(w => w.Referred > 0)
            .ToList();
        var referred = byWorker.Sum(w => w.Referred);
        var connected = byWorker.Sum(w => w.Connected);
        return new ConnectionSummary(
            referred,
            connected,
            Share(connected, referred),
            [.. byWorker.Select(w => new LinkWorkerConnection(w.Worker, w.Referred, w.Connected, Share(w.Connected, w.Referred)))]);
    }

    private static decimal Share(int part, int whole) => whole == 0 ? 0 : Math.Round((decimal)part / whole, 4);
}
