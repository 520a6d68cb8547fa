using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPrescribing.Plugins.Tests.Support;

namespace SocialPrescribing.Plugins.Tests;

/// <summary>
/// A booking whose job is lost (the partner hung, the retry was waiting in in-memory job storage, the host
/// stopped) is booked by reconciliation when the host starts again.
/// </summary>
[Collection(PluginHostCollection.Name)]
public sealed class TransportReconciliationTests : IDisposable
{
    private const string Journeys = "/api/v1/tenants/ab/journeys";

    private readonly PluginFolder _plugins = new PluginFolder().Add(PluginFolder.GoodRides);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "sp-trips-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _plugins.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private PluginHostFactory Host(bool partnerHangs)
    {
        var settings = GoodRidesConfig.EnabledFor("ab");
        settings["Tenants:ab:Plugins:good-rides:Settings:HangOnBook"] = partnerHangs ? "true" : "false";
        settings["Plugins:CallTimeout"] = "00:00:01";
        settings["Jobs:TransportRetryDelay"] = "00:10:00";
        return new PluginHostFactory(_plugins.Path, settings, _data);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Token))!.AsObject();

    private static async Task<string?> TripStatusAsync(HttpClient http, Guid journeyId, Guid tripId) =>
        (string?)(await ReadAsync(await http.GetAsync($"{Journeys}/{journeyId}/transport/bookings/{tripId}", Token)))["status"];

    [Fact]
    public async Task A_trip_whose_booking_job_was_lost_is_booked_after_a_restart()
    {
        Guid journeyId;
        Guid tripId;
        await using (var first = Host(partnerHangs: true))
        {
            using var http = first.CreateAuthenticatedClient();
            var referral = new
            {
                client = new { givenName = "Marie", familyName = "Tremblay", birthDate = "1948-03-14", postalCode = "T2P 1J9", preferredLanguage = "en" },
                referrer = new { name = "Dr. Amir Patel", organization = "Bow Valley Family Clinic", role = "family physician" },
                source = "family-physician",
                reasons = new[] { "loneliness-and-isolation" },
            };
            journeyId = (Guid)(await ReadAsync(await http.PostAsJsonAsync("/api/v1/tenants/ab/referrals", referral, Token)))["journeyId"]!;
            Assert.True((await http.PostAsJsonAsync($"{Journeys}/{journeyId}/accept", new { linkWorkerId = "lw-1" }, Token)).IsSuccessStatusCode);
            Assert.True((await http.PostAsJsonAsync($"{Journeys}/{journeyId}/record-contact", new { mode = "phone" }, Token)).IsSuccessStatusCode);
            var pickupDay = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.Zero).AddDays(7);
            var trip = new
            {
                partner = "good-rides",
                pickup = new { street = "12 Elm Street", municipality = "Calgary", province = "AB" },
                destination = new { street = "300 Bank Street", municipality = "Calgary", province = "AB" },
                pickupWindow = new { start = pickupDay.AddHours(16), end = pickupDay.AddHours(16.5) },
            };
            var booked = await http.PostAsJsonAsync($"{Journeys}/{journeyId}/transport/bookings", trip, Token);
            Assert.Equal(HttpStatusCode.Accepted, booked.StatusCode);
            tripId = (Guid)(await ReadAsync(booked))["tripId"]!;

            // The first attempt times out; the retry waits ten minutes in memory and is lost with the host.
            await Task.Delay(TimeSpan.FromSeconds(3), Token);
            Assert.Equal("requested", await TripStatusAsync(http, journeyId, tripId));
        }

        await using var second = Host(partnerHangs: false);
        using var again = second.CreateAuthenticatedClient();
        var waited = Stopwatch.StartNew();
        while (await TripStatusAsync(again, journeyId, tripId) != "confirmed")
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The lost booking was not made again after the restart.");
            await Task.Delay(100, Token);
        }
    }
}
