using Microsoft.Extensions.Time.Testing;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Tests;

/// <summary>Large caseload totals are kept a short while per tenant and filter; small ones are counted every time.</summary>
public sealed class CaseloadTotalsTests
{
    private static readonly TenantId Alberta = TenantId.Parse("ab");
    private static readonly TenantId Ontario = TenantId.Parse("on");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_large_total_is_given_for_any_page_or_position_of_its_filter_until_it_is_too_old()
    {
        var totals = new CaseloadTotals(_time);
        var engaged = new JourneyQuery("engaged", null, 1, 25);
        totals.Counted(Alberta, engaged, 40_868);

        _time.Advance(CaseloadTotals.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(40_868, totals.Recent(Alberta, engaged with { Page = 7, PageSize = 100 }));
        Assert.Equal(40_868, totals.Recent(Alberta, engaged with { After = new JourneyListPosition(_time.GetUtcNow(), Guid.NewGuid()) }));
        Assert.Null(totals.Recent(Alberta, new JourneyQuery("accepted", null, 1, 25)));
        Assert.Null(totals.Recent(Alberta, engaged with { OpenSafetyAlertsOnly = true }));
        Assert.Null(totals.Recent(Ontario, engaged));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(totals.Recent(Alberta, engaged));
    }

    [Fact]
    public void A_small_total_is_not_kept_and_a_large_one_that_became_small_is_forgotten()
    {
        var totals = new CaseloadTotals(_time);
        var worker = new JourneyQuery(null, "lw-07", 1, 25);

        totals.Counted(Alberta, worker, CaseloadTotals.CountedEachTime - 1);
        Assert.Null(totals.Recent(Alberta, worker));

        totals.Counted(Alberta, worker, CaseloadTotals.CountedEachTime);
        Assert.Equal(CaseloadTotals.CountedEachTime, totals.Recent(Alberta, worker));
        totals.Counted(Alberta, worker, 12);
        Assert.Null(totals.Recent(Alberta, worker));
    }
}
