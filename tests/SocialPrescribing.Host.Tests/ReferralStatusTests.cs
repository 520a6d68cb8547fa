using System.Net;
using System.Net.Http.Headers;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The referrer's view of a referral they sent: as much as the person's consent shares (nothing, status, a summary),
/// less what a lock-box directive withholds from them; someone else's referral is refused; every read is audited.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ReferralStatusTests(HostFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient As(string subject, params string[] roles)
    {
        var http = fixture.Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For(fixture.Factory.DataDirectory, Api.Tenant, subject, roles));
        return http;
    }

    private static string Status(Guid journey) => $"/api/v1/tenants/{Api.Tenant}/referrals/{journey}";

    [Fact]
    public async Task A_referrer_sees_what_the_persons_consent_shares_and_no_more()
    {
        var subject = "clinic-" + Guid.NewGuid().ToString("N")[..8];
        using var referrer = As(subject, AccessRoles.Referrer);
        var journey = await Api.CreateJourneyAsync(referrer);

        // Nothing shared yet: only that the referral was received.
        var received = await Api.ReadAsync(await referrer.GetAsync(Status(journey), Token));
        Assert.Equal("none", received["sharing"]!.GetValue<string>());
        Assert.NotNull(received["referredAt"]);
        Assert.Null(received["status"]);
        Assert.Null(received["goals"]);

        await Api.CommandOkAsync(fixture.Client, journey, "accept", new { linkWorkerId = "lw-status" });
        await Api.CommandOkAsync(fixture.Client, journey, "record-contact", new { mode = "phone", purpose = "introduction" });
        await Api.CommandOkAsync(fixture.Client, journey, "record-what-matters", new { items = new[] { "Company" } });
        await Api.CommandOkAsync(fixture.Client, journey, "agree-plan", new { goals = new[] { "Join a walking group" } });
        await Api.CommandOkAsync(fixture.Client, journey, "record-consent", new { referrerSharing = "status-only", researchUse = false });
        var status = await Api.ReadAsync(await referrer.GetAsync(Status(journey), Token));
        Assert.Equal("engaged", status["status"]!.GetValue<string>());
        Assert.NotNull(status["acceptedAt"]);
        Assert.Null(status["whatMatters"]);
        Assert.Null(status["goals"]);

        await Api.CommandOkAsync(fixture.Client, journey, "record-consent", new { referrerSharing = "full-summary", researchUse = false });
        var summary = await Api.ReadAsync(await referrer.GetAsync(Status(journey), Token));
        Assert.Equal(["Join a walking group"], summary["goals"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(["Company"], summary["whatMatters"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Null(summary["notice"]);
        var text = summary.ToJsonString();
        Assert.DoesNotContain("introduction", text, StringComparison.Ordinal);

        // The person withholds their plan from referrers: the summary says something is withheld, not what.
        await Api.CommandOkAsync(fixture.Client, journey, "withhold-information", new { parts = new[] { "plan" }, roles = new[] { "referrer" } });
        var withheld = await Api.ReadAsync(await referrer.GetAsync(Status(journey), Token));
        Assert.Null(withheld["goals"]);
        Assert.Equal(["Company"], withheld["whatMatters"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("Some information in this record is withheld at the person's request.", withheld["notice"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_referrers_referral_is_refused_and_both_reads_are_audited()
    {
        var mine = "clinic-" + Guid.NewGuid().ToString("N")[..8];
        var theirs = "clinic-" + Guid.NewGuid().ToString("N")[..8];
        using var me = As(mine, AccessRoles.Referrer);
        using var them = As(theirs, AccessRoles.Referrer);
        var journey = await Api.CreateJourneyAsync(me);

        using (var own = await me.GetAsync(Status(journey), Token))
        using (var other = await them.GetAsync(Status(journey), Token))
        using (var unknown = await me.GetAsync(Status(Guid.NewGuid()), Token))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            await Api.ProblemAsync(other, HttpStatusCode.Forbidden);
            await Api.ProblemAsync(unknown, HttpStatusCode.NotFound);
        }

        using var privacy = As("privacy-referrals", AccessRoles.PrivacyOfficer);
        var entries = (await Api.ReadAsync(await privacy.GetAsync($"/api/v1/tenants/{Api.Tenant}/audit?journeyId={journey}&category=referral-status", Token)))["items"]!.AsArray();
        Assert.Equal(
            [(mine, "allowed"), (theirs, "denied")],
            entries.Select(e => (e!["actor"]!.GetValue<string>(), e["outcome"]!.GetValue<string>())));
    }
}
