using System.Net;
using System.Text.Json.Nodes;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The program's activity per day, kept by an asynchronous projection from the event feed: what a program manager
/// watches, in counts of events and without a person in it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ActivityReportTests(HostFixture fixture)
{
    private static string Report(string query = "") => $"/api/v1/tenants/{Api.Tenant}/reports/activity{query}";

    [Fact]
    public async Task New_referrals_and_contacts_reach_the_days_activity_shortly_after_they_are_committed()
    {
        var before = await ReadAsync();
        await Api.EngagedJourneyAsync(fixture.Client);
        await Api.EngagedJourneyAsync(fixture.Client);

        JsonNode after = before;
        await Api.EventuallyAsync(async () =>
        {
            after = await ReadAsync();
            return Count(after, "ReferralReceived") == Count(before, "ReferralReceived") + 2;
        }, "two referrals counted");
        Assert.Equal(Count(before, "ReferralAccepted") + 2, Count(after, "ReferralAccepted"));
        Assert.Equal(Count(before, "ContactRecorded") + 2, Count(after, "ContactRecorded"));

        // Twenty-eight days by default, every one listed, ending today on the program's calendar; today holds the counts.
        var days = after["days"]!.AsArray();
        Assert.Equal(28, days.Count);
        Assert.Equal(after["to"]!.GetValue<string>(), days[^1]!["day"]!.GetValue<string>());
        Assert.True(days[^1]!["events"]!["ReferralReceived"]!.GetValue<long>() >= 2);
        Assert.DoesNotContain("Tremblay", after.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_over_a_year_or_reversed_is_a_400_naming_from()
    {
        using var long_ = await fixture.Factory.SendAsAsync(HttpMethod.Get, Report("?from=2024-01-01&to=2025-06-01"), "activity-manager", [AccessRoles.ProgramManager]);
        Assert.Equal(["from"], Api.Fields(await Api.ProblemAsync(long_, HttpStatusCode.BadRequest)));

        using var reversed = await fixture.Factory.SendAsAsync(HttpMethod.Get, Report("?from=2025-01-02&to=2025-01-01"), "activity-manager", [AccessRoles.ProgramManager]);
        Assert.Equal(["from"], Api.Fields(await Api.ProblemAsync(reversed, HttpStatusCode.BadRequest)));

        using var empty = await fixture.Factory.SendAsAsync(HttpMethod.Get, Report("?from=2001-01-01&to=2001-01-03"), "activity-manager", [AccessRoles.ProgramManager]);
        var report = await Api.ReadAsync(empty);
        Assert.Equal(3, report["days"]!.AsArray().Count);
        Assert.Empty(report["totals"]!.AsObject());
    }

    private async Task<JsonNode> ReadAsync()
    {
        using var response = await fixture.Factory.SendAsAsync(HttpMethod.Get, Report(), "activity-manager", [AccessRoles.ProgramManager]);
        return await Api.ReadAsync(response);
    }

    private static long Count(JsonNode report, string type) => report["totals"]![type]?.GetValue<long>() ?? 0;
}
