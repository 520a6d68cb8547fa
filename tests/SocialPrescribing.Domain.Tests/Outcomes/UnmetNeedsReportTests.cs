using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Outcomes;

/// <summary>Unmet needs: recorded on the journey, kept in the digest by need and area, counted with small cells suppressed.</summary>
public sealed class UnmetNeedsReportTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 7, 0, 0, TimeSpan.Zero);

    private static ImmutableArray<UnmetNeedDigest.Entry> Journey(string area, params (string Need, int Day)[] needs) =>
        [.. needs.Select(n => new UnmetNeedDigest.Entry(n.Need, Start.AddDays(n.Day), area == "" ? null : area))];

    [Fact]
    public void Needs_are_counted_by_need_and_area_in_the_period_and_small_counts_are_suppressed()
    {
        ImmutableArray<UnmetNeedDigest.Entry>[] journeys =
        [
            .. Enumerable.Range(0, 6).Select(i => Journey("T5K", ("legal-advice", 10 + i))),
            Journey("T5K", ("childcare", 3), ("legal-advice", 40)),
            Journey("", ("childcare", 5)),
            Journey("T2P", ("legal-advice", -3)),   // before the period
        ];

        var report = UnmetNeedsReport.Compute("ab", journeys, Start, Start.AddDays(90));

        Assert.Equal((9, 8), (report.Needs, report.People));
        Assert.Equal([("legal-advice", (int?)7, false), ("childcare", null, true)], report.ByNeed.Select(c => (c.Need!, c.Count, c.Suppressed)));
        Assert.Equal([("T5K", (int?)8, false), ("unknown", null, true)], report.ByArea.Select(c => (c.Area!, c.Count, c.Suppressed)));
        Assert.Contains(report.ByNeedAndArea, c => c is { Need: "legal-advice", Area: "T5K", Count: 7 });
        Assert.Null(UnmetNeedsReport.Compute("ab", journeys[..2], Start, Start.AddDays(90)).Needs);
    }

    [Fact]
    public void An_unmet_need_is_recorded_under_a_coded_need_and_its_digest_keeps_the_area_not_the_details()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Then(Commands.UnmetNeed());

        var need = Assert.Single(journey.State.UnmetNeeds);
        Assert.Equal(("legal-advice", "No free legal clinic within 50 km."), (need.Need, need.Details));
        var digest = UnmetNeedDigest.Write(journey.State)!;
        Assert.DoesNotContain("clinic", digest, StringComparison.Ordinal);
        Assert.Equal(UnmetNeedDigest.AreaOf(journey.State.Client!.PostalCode), Assert.Single(UnmetNeedDigest.Read(digest)).Area);
        Assert.Equal("need", DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.UnmetNeed("a-pony"), journey.Context), RejectionKind.Invalid).Field);
        Assert.Equal("T5K", UnmetNeedDigest.AreaOf("t5k 2j1"));
        Assert.Null(UnmetNeedDigest.AreaOf("90210"));
    }
}
