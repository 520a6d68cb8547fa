using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;

namespace SocialPrescribing.Domain.Tests.Outcomes;

/// <summary>% connected: people first referred in the period, and those of them who started a program by its end.</summary>
public sealed class ConnectionOutcomesTests
{
    private static readonly DateTimeOffset Start = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 6, 30, 6, 0, 0, TimeSpan.Zero);

    private static CommunityReferralDigest.Entry Referral(int madeDay, int? startedDay = null) => new(
        Guid.NewGuid(), "Walking club", Guid.NewGuid(), null, null,
        startedDay is null ? CommunityReferralStatus.Requested : CommunityReferralStatus.InProgress,
        startedDay is null ? null : PartnerAnswer.Attended, null,
        Start.AddDays(madeDay), Start.AddDays(madeDay), null, startedDay is { } s ? Start.AddDays(s) : null, false, true);

    [Fact]
    public void People_are_counted_by_their_first_referral_in_the_period_and_connected_by_a_start_before_its_end()
    {
        (string?, ImmutableArray<CommunityReferralDigest.Entry>)[] journeys =
        [
            ("lw-1", [Referral(3, startedDay: 20)]),
            ("lw-1", [Referral(10), Referral(30, startedDay: 40)]),
            ("lw-1", [Referral(15)]),
            ("lw-2", [Referral(50, startedDay: 200)]),   // started after the period: not yet connected
            ("lw-2", [Referral(-5, startedDay: 2)]),     // first referred before the period: not counted
            (null, [Referral(60)]),
            ("lw-3", []),
        ];

        var summary = ConnectionOutcomes.Compute(journeys, Start, End);

        Assert.Equal((5, 2, 0.4m), (summary.Referred, summary.Connected, summary.ShareConnected));
        Assert.Equal(
            [(string.Empty, 1, 0, 0m), ("lw-1", 3, 2, 0.6667m), ("lw-2", 1, 0, 0m)],
            summary.ByLinkWorker.Select(w => (w.LinkWorkerId, w.Referred, w.Connected, w.ShareConnected)));
        Assert.Equal(6, ConnectionOutcomes.Compute(journeys, null, End).Referred);
        Assert.Equal((0, 0m), (ConnectionOutcomes.Compute([], Start, End).Referred, ConnectionOutcomes.Compute([], Start, End).ShareConnected));
    }
}
