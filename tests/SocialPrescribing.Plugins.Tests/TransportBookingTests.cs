using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>
/// Trips end to end through the real host and a real transport-partner plugin: quote, booking as a Hangfire job,
/// the partner's answer recorded on the journey, cancellation, and a partner that fails or declines.
/// </summary>
[Collection(PluginHostCollection.Name)]
public sealed class TransportBookingTests : IAsyncLifetime
{
    private const string Journeys = "/api/v1/tenants/ab/journeys";

    private readonly PluginFolder _plugins = new PluginFolder().Add(PluginFolder.GoodRides);
    private PluginHostFactory? _factory;
    private HttpClient _http = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        var settings = GoodRidesConfig.EnabledFor("ab");
        settings["Jobs:TransportBookingAttempts"] = "2";
        settings["Jobs:TransportRetryDelay"] = "00:00:01";
        settings["Plugins:CallTimeout"] = "00:00:02";
        settings["Plugins:MaxConcurrentCalls"] = "3";
        _factory = new PluginHostFactory(_plugins.Path, settings);
        _http = _factory.CreateAuthenticatedClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _plugins.Dispose();
    }

    /// <summary>Pickup windows a week from now, so the trip is always in the future whatever the date.</summary>
    private static readonly DateTimeOffset PickupDay = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(7);

    private static object Trip(string partner = "good-rides", int escorts = 1) => new
    {
        partner,
        pickup = new { street = "12 Elm Street", municipality = "Calgary", province = "AB", postalCode = "T2P 1J9" },
        destination = new { name = "Bow Valley walking group", street = "300 Bank Street", municipality = "Calgary", province = "AB" },
        pickupWindow = new { start = PickupDay.AddHours(16), end = PickupDay.AddHours(16.5) },
        @return = new { pickupWindow = new { start = PickupDay.AddHours(19), end = PickupDay.AddHours(19.5) } },
        mobility = new { wheelchair = "transfers", escorts },
    };

    private async Task<Guid> EngagedJourneyAsync(string givenName)
    {
        var referral = new
        {
            client = new { givenName, familyName = "Tremblay", birthDate = "1948-03-14", postalCode = "T2P 1J9", preferredLanguage = "en", phone = "403-555-0101" },
            referrer = new { name = "Dr. Amir Patel", organization = "Bow Valley Family Clinic", role = "family physician" },
            source = "family-physician",
            reasons = new[] { "loneliness-and-isolation" },
        };
        var created = await ReadAsync(await _http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", referral, Token));
        var id = created["journeyId"]!.GetValue<Guid>();
        await OkAsync(await _http.PostAsJsonAsync($"{Journeys}/{id}/accept", new { linkWorkerId = "lw-1" }, Token));
        await OkAsync(await _http.PostAsJsonAsync($"{Journeys}/{id}/record-contact", new { mode = "phone" }, Token));
        return id;
    }

    private async Task<JsonObject> WaitForTripAsync(Guid journeyId, Guid tripId, string status)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var trip = await ReadAsync(await _http.GetAsync($"{Journeys}/{journeyId}/transport/bookings/{tripId}", Token));
            if ((string?)trip["status"] == status)
            {
                return trip;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"The trip is still {(string?)trip["status"]}, not {status}.");
            await Task.Delay(100, Token);
        }
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject();

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Token)}");

    [Fact]
    public async Task A_trip_is_quoted_booked_confirmed_and_cancelled()
    {
        var id = await EngagedJourneyAsync("Marie");

        var quote = await ReadAsync(await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/quotes", Trip(), Token));
        Assert.True((bool)quote["available"]!);
        Assert.Equal(12.50m, (decimal)quote["fare"]!["amount"]!);

        var booked = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/bookings", Trip(), Token);
        Assert.Equal(HttpStatusCode.Accepted, booked.StatusCode);
        var trip = await ReadAsync(booked);
        Assert.Equal("requested", (string?)trip["status"]);
        var tripId = (Guid)trip["tripId"]!;

        var confirmed = await WaitForTripAsync(id, tripId, "confirmed");
        Assert.Equal($"GR-trip-{tripId:N}", (string?)confirmed["partnerReference"]);
        Assert.NotNull(confirmed["scheduledPickup"]);
        Assert.Equal("transfers", (string?)confirmed["details"]!["mobility"]!["wheelchair"]);

        await OkAsync(await _http.PostAsJsonAsync($"{Journeys}/{id}/cancel-transport", new { tripId, reason = "Her daughter drives her." }, Token));
        var cancelled = await ReadAsync(await _http.GetAsync($"{Journeys}/{id}/transport/bookings/{tripId}", Token));
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        var again = await _http.PostAsJsonAsync($"{Journeys}/{id}/cancel-transport", new { tripId, reason = "Twice." }, Token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_partner_that_keeps_failing_or_declines_leaves_a_failed_trip_with_the_reason()
    {
        var failing = await EngagedJourneyAsync("throw");
        var declined = await EngagedJourneyAsync("decline");

        var failingTrip = (Guid)(await ReadAsync(await _http.PostAsJsonAsync($"{Journeys}/{failing}/transport/bookings", Trip(), Token)))["tripId"]!;
        var declinedTrip = (Guid)(await ReadAsync(await _http.PostAsJsonAsync($"{Journeys}/{declined}/transport/bookings", Trip(), Token)))["tripId"]!;

        var failed = await WaitForTripAsync(failing, failingTrip, "failed");
        Assert.Contains("faulted", (string?)failed["reason"], StringComparison.Ordinal);
        Assert.Contains("2 attempts", (string?)failed["reason"], StringComparison.Ordinal);
        var refused = await WaitForTripAsync(declined, declinedTrip, "failed");
        Assert.Equal("No accessible vehicle that day.", (string?)refused["reason"]);
    }

    [Fact]
    public async Task Bad_trip_requests_are_refused_naming_the_field_and_record_nothing()
    {
        var id = await EngagedJourneyAsync("Marie");

        var unknownPartner = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/bookings", Trip("no-such-rides"), Token);
        var noStreet = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/bookings", new { partner = "good-rides", pickup = new { municipality = "Calgary", province = "AB" } }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, unknownPartner.StatusCode);
        Assert.True((await ReadAsync(unknownPartner))["errors"]!.AsObject().ContainsKey("partner"));
        Assert.Equal(HttpStatusCode.BadRequest, noStreet.StatusCode);
        var errors = (await ReadAsync(noStreet))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("pickup.street") && errors.ContainsKey("destination") && errors.ContainsKey("pickupWindow"), errors.ToJsonString());
        Assert.Empty((await ReadAsync(await _http.GetAsync($"{Journeys}/{id}", Token)))["trips"]!.AsArray());
    }

    [Fact]
    public async Task A_quote_from_a_partner_that_hangs_is_a_502_and_the_host_carries_on()
    {
        var id = await EngagedJourneyAsync("hang");

        var response = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/quotes", Trip(), Token);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("timeout", (string?)(await ReadAsync(response))["detail"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready", Token)).StatusCode);
    }

    [Fact]
    public async Task Calls_beyond_those_still_running_in_a_partner_are_a_503_with_retry_after_and_show_in_its_health()
    {
        var hanging = await EngagedJourneyAsync("hang");
        var id = await EngagedJourneyAsync("Marie");

        // Three calls that never return hold the partner's three slots for this tenant, even after their timeout.
        var timedOut = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _http.PostAsJsonAsync($"{Journeys}/{hanging}/transport/quotes", Trip(), Token)));
        Assert.All(timedOut, r => Assert.Equal(HttpStatusCode.BadGateway, r.StatusCode));

        var quote = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/quotes", Trip(), Token);
        var booking = await _http.PostAsJsonAsync($"{Journeys}/{id}/transport/bookings", Trip(), Token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, quote.StatusCode);
        Assert.NotNull(quote.Headers.RetryAfter);
        var problem = await ReadAsync(quote);
        Assert.Equal("A plugin is busy.", (string?)problem["title"]);
        Assert.Contains("'good-rides' has too many calls running", (string?)problem["detail"], StringComparison.Ordinal);
        // A booking is only queued (202): the job asks the partner later, so a busy partner costs it nothing now.
        Assert.Equal(HttpStatusCode.Accepted, booking.StatusCode);
        var health = (await ReadAsync(await _http.GetAsync("/api/v1/tenants/ab/plugins", Token)))["plugins"]!.AsArray()
            .Single(p => (string?)p!["id"] == "good-rides")!["calls"]!;
        Assert.Equal((3, "saturated"), ((int)health["running"]!, (string?)health["lastFailure"]));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/health/ready", Token)).StatusCode);
    }

    [Fact]
    public async Task The_same_key_with_another_trip_is_a_422_and_the_same_trip_replays()
    {
        var id = await EngagedJourneyAsync("Marie");

        var first = await BookAsync(id, Trip(), "trip-1");
        var same = await BookAsync(id, Trip(), "trip-1");
        var other = await BookAsync(id, Trip(escorts: 2), "trip-1");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
        Assert.Equal("true", same.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Single((await ReadAsync(await _http.GetAsync($"{Journeys}/{id}", Token)))["trips"]!.AsArray());
    }

    private async Task<HttpResponseMessage> BookAsync(Guid journeyId, object trip, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Journeys}/{journeyId}/transport/bookings") { Content = JsonContent.Create(trip) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _http.SendAsync(request, Token);
    }
}
