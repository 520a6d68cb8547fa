using System.Collections.Concurrent;
using System.Collections.Immutable;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Application.CommunityDirectory.Partners;

/// <summary>
/// How a provider organization answers the referrals addressed to it: how many it was sent, answered, declined, and
/// left unanswered past the tenant's deadline; the median time to its first answer; and the share of its answers that
/// took the person (accepted, waitlisted or started).
/// </summary>
public sealed record ProviderResponse(
    Guid OrganizationId, int Referrals, int Answered, int Declined, int Overdue, double? MedianResponseHours, double? AcceptanceRate)
{
    /// <summary>Fewer answers than this, and a match does not judge the provider by them.</summary>
    public const int MinimumAnswered = 3;

    /// <summary>The figures of every organization that has been sent a referral, from <paramref name="entries"/>.</summary>
    public static ImmutableArray<ProviderResponse> Of(IEnumerable<CommunityReferralDigest.Entry> entries) =>
    [
        .. entries
            .Where(e => e.OrganizationId is not null)
            .GroupBy(e => e.OrganizationId!.Value)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var answered = g.Where(e => e.AnsweredAt is not null).ToList();
                var declined = answered.Count(e => e.Status == CommunityReferralStatus.Rejected || e.Answer == PartnerAnswer.Declined);
                var hours = answered.Select(e => (e.AnsweredAt!.Value - e.MadeAt).TotalHours).Order().ToList();
                double? median = hours.Count == 0 ? null
                    : Math.Round(hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2, 1);
                double? acceptance = answered.Count == 0 ? null : Math.Round((answered.Count - declined) / (double)answered.Count, 3);
                return new ProviderResponse(g.Key, g.Count(), answered.Count, declined, g.Count(e => e.ResponseOverdue && e.AnsweredAt is null), median, acceptance);
            }),
    ];
}

/// <summary>
/// The providers' figures of each tenant, computed from the caseload's referral digests and kept for a minute: a
/// match reads them for every program it ranks, and they move by the day, not by the second.
/// </summary>
public sealed class ProviderResponsiveness(IJourneyStore store, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<TenantId, (DateTimeOffset At, ImmutableDictionary<Guid, ProviderResponse> Figures)> _cache = new();

    /// <summary>The figures of the tenant's providers, by organization id, at most <see cref="Freshness"/> old: what matches weigh.</summary>
    public async Task<ImmutableDictionary<Guid, ProviderResponse>> OfAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(tenant, out var kept) && now - kept.At < Freshness)
        {
            return kept.Figures;
        }

        var figures = await ComputeAsync(tenant, cancellationToken);
        _cache[tenant] = (now, figures);
        return figures;
    }

    /// <summary>The figures of the tenant's providers as they stand now, by organization id: what people read.</summary>
    public async Task<ImmutableDictionary<Guid, ProviderResponse>> ComputeAsync(TenantId tenant, CancellationToken cancellationToken = default)
    {
        var digests = await store.ListCommunityReferralDigestsAsync(tenant, null, cancellationToken);
        return ProviderResponse.Of(digests.SelectMany(d => CommunityReferralDigest.Read(d.Digest))).ToImmutableDictionary(f => f.OrganizationId);
    }
}
