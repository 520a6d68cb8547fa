using System.Net;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>When nothing fits, the link worker records the unmet need; supervisors and commissioners see the gaps by need and area.</summary>
[Collection(HostCollection.Name)]
public sealed class UnmetNeedsTests(HostFixture fixture)
{
    [Fact]
    public async Task Unmet_needs_are_counted_by_need_and_area_with_small_counts_suppressed()
    {
        // Needs no other test records: five of one (counted), two of another (suppressed).
        for (var i = 0; i < 5; i++)
        {
            var journey = await Api.EngagedJourneyAsync(fixture.Client);
            await Api.CommandOkAsync(fixture.Client, journey, "record-unmet-need", new { need = "employment", details = "No job club within reach." });
        }

        for (var i = 0; i < 2; i++)
        {
            var journey = await Api.EngagedJourneyAsync(fixture.Client);
            await Api.CommandOkAsync(fixture.Client, journey, "record-unmet-need", new { need = "language-and-newcomers" });
        }

        var shown = await Api.EngagedJourneyAsync(fixture.Client);
        using (var bad = await Api.CommandAsync(fixture.Client, shown, "record-unmet-need", new { need = "a-pony" }))
        {
            Assert.Equal(["need"], Api.Fields(await Api.ProblemAsync(bad, HttpStatusCode.BadRequest)));
        }

        using var response = await fixture.Factory.SendAsAsync(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/reports/unmet-needs", "needs-supervisor", [AccessRoles.Supervisor]);
        var report = await Api.ReadAsync(response);
        var byNeed = report["byNeed"]!.AsArray();
        var employment = byNeed.Single(n => n!["need"]!.GetValue<string>() == "employment")!;
        Assert.Equal((5, false), (employment["count"]!.GetValue<int>(), employment["suppressed"]!.GetValue<bool>()));
        var newcomers = byNeed.Single(n => n!["need"]!.GetValue<string>() == "language-and-newcomers")!;
        Assert.Null(newcomers["count"]);
        Assert.True(newcomers["suppressed"]!.GetValue<bool>());
        // The test referrals live in T2P (Calgary): the area is the postal code's first three characters.
        Assert.Contains(report["byNeedAndArea"]!.AsArray(), c => c!["need"]!.GetValue<string>() == "employment" && c["area"]!.GetValue<string>() == "T2P" && c["count"]!.GetValue<int>() == 5);
        Assert.DoesNotContain("job club", report.ToJsonString(), StringComparison.Ordinal);

        using var reversed = await fixture.Factory.SendAsAsync(HttpMethod.Get, $"/api/v1/tenants/{Api.Tenant}/reports/unmet-needs?from=2030-01-02&to=2030-01-01", "needs-supervisor", [AccessRoles.Supervisor]);
        Assert.Equal(["from"], Api.Fields(await Api.ProblemAsync(reversed, HttpStatusCode.BadRequest)));
    }
}
