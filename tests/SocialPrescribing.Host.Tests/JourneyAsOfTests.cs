using System.Globalization;
using System.Net;

namespace SocialPrescribing.Host.Tests;

/// <summary><c>GET …/journeys/{id}?asOf=</c>: the journey as it was at a moment, folded from its stream up to then.</summary>
[Collection(HostCollection.Name)]
public sealed class JourneyAsOfTests(HostFixture fixture)
{
    private HttpClient Http => fixture.Client;

    private static string Stamp(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_journey_as_of_a_moment_shows_its_state_and_timeline_then_and_allows_nothing()
    {
        var id = await Api.CreateJourneyAsync(Http);
        var accepted = await Api.CommandOkAsync(Http, id, "accept", new { linkWorkerId = "lw-asof" });
        var acceptedAt = accepted["events"]![0]!["occurredAt"]!.GetValue<DateTimeOffset>();
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(30));
        await Api.CommandOkAsync(Http, id, "record-contact", new { mode = "phone" });

        var then = await Api.ReadAsync(await Http.GetAsync($"{Api.Journeys()}/{id}?asOf={Stamp(acceptedAt.AddMinutes(1))}", TestContext.Current.CancellationToken));
        var now = await Api.GetJourneyAsync(Http, id);

        Assert.Equal(("accepted", 2), (then["status"]!.GetValue<string>(), then["version"]!.GetValue<int>()));
        Assert.Equal(["ReferralReceived", "ReferralAccepted"], then["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Empty(then["contacts"]!.AsArray());
        Assert.Empty(then["allowedCommands"]!.AsArray());
        Assert.Equal(acceptedAt.AddMinutes(1), then["asOf"]!.GetValue<DateTimeOffset>());
        Assert.Equal(("engaged", 3), (now["status"]!.GetValue<string>(), now["version"]!.GetValue<int>()));
        Assert.NotEmpty(now["allowedCommands"]!.AsArray());
        Assert.Null(now["asOf"]);
    }

    [Fact]
    public async Task Before_its_referral_a_journey_is_not_found()
    {
        var id = await Api.CreateJourneyAsync(Http);
        var referredAt = (await Api.GetJourneyAsync(Http, id))["referredAt"]!.GetValue<DateTimeOffset>();

        var response = await Http.GetAsync($"{Api.Journeys()}/{id}?asOf={Stamp(referredAt.AddSeconds(-1))}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-03-01")]
    [InlineData("2026-02-30T10:00:00Z")]
    public async Task An_as_of_that_is_not_a_timestamp_is_a_400_naming_it(string asOf)
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Http.GetAsync($"{Api.Journeys()}/{id}?asOf={Uri.EscapeDataString(asOf)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Api.ReadAsync(response);
        Assert.Contains("asOf", problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task An_as_of_in_the_future_is_a_400()
    {
        var id = await Api.CreateJourneyAsync(Http);

        var response = await Http.GetAsync($"{Api.Journeys()}/{id}?asOf={Stamp(fixture.Factory.Time.GetUtcNow().AddDays(1))}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
