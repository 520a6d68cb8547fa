using System.Net;
using Microsoft.Data.Sqlite;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// The text rule and the Idempotency-Key rule on each storage engine: a NUL that PostgreSQL would refuse never
/// reaches it, and a key reused with another body is still refused after a restart, because the request's
/// fingerprint is stored with the events.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class EngineInputTests(PostgresFixture postgres) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sp-engine-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        TempFolders.Delete(_dataDirectory);
    }

    private async Task<IReadOnlyDictionary<string, string>> SettingsAsync(string engine) => engine switch
    {
        "postgres" => PostgresHostTests.Settings(await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("input"), Token)),
        _ => new Dictionary<string, string>(),
    };

    private static async Task<int> JourneyCountAsync(HttpClient http) =>
        (await Api.ReadAsync(await http.GetAsync($"{Api.Journeys()}?pageSize=1", Token)))["total"]!.GetValue<int>();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_nul_or_bidi_override_in_a_name_is_a_400_and_opens_no_journey_while_notes_keep_their_line_breaks(string engine)
    {
        await using var factory = new JourneyHostFactory(_dataDirectory, settings: await SettingsAsync(engine));
        using var http = factory.CreateAuthenticatedClient();

        var given = await Api.RawAsync(http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.givenName", "Ma\0rie"));
        var family = await Api.RawAsync(http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.familyName", "Tremblay\u202Eyalp"));
        var notes = await Api.RawAsync(http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("notes", "a\0b"));
        var before = await JourneyCountAsync(http);
        var lines = await Api.RawAsync(http, "/api/v1/tenants/ab/referrals", Api.ReferralWith("notes", "First line\r\nSecond\tline"));

        Assert.Equal(HttpStatusCode.BadRequest, given.StatusCode);
        Assert.True((await Api.ReadAsync(given))["errors"]!.AsObject().ContainsKey("client.givenName"));
        Assert.Equal(HttpStatusCode.BadRequest, family.StatusCode);
        Assert.True((await Api.ReadAsync(family))["errors"]!.AsObject().ContainsKey("client.familyName"));
        Assert.Equal(HttpStatusCode.BadRequest, notes.StatusCode);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Created, lines.StatusCode);
        var journey = await Api.GetJourneyAsync(http, (await Api.ReadAsync(lines))["journeyId"]!.GetValue<Guid>());
        Assert.Equal("First line\r\nSecond\tline", journey["notes"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_key_reused_with_another_body_is_a_422_after_a_restart_and_the_same_body_still_replays(string engine)
    {
        var settings = await SettingsAsync(engine);
        var marie = Api.ReferralWith("client.givenName", "Marie");
        Guid id;
        await using (var first = new JourneyHostFactory(_dataDirectory, settings: settings))
        {
            using var http = first.CreateAuthenticatedClient();
            var created = await Api.RawWithKeyAsync(http, "/api/v1/tenants/ab/referrals", marie, "clinic-ref-1");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            id = (await Api.ReadAsync(created))["journeyId"]!.GetValue<Guid>();
            Assert.Equal(HttpStatusCode.OK, (await Api.CommandAsync(http, id, "accept", new { linkWorkerId = "lw-1" }, "accept-1")).StatusCode);
        }

        await using var second = new JourneyHostFactory(_dataDirectory, settings: settings);
        using var client = second.CreateAuthenticatedClient();

        var sameReferral = await Api.RawWithKeyAsync(client, "/api/v1/tenants/ab/referrals", marie, "clinic-ref-1");
        var otherReferral = await Api.RawWithKeyAsync(client, "/api/v1/tenants/ab/referrals", Api.ReferralWith("client.givenName", "Eve"), "clinic-ref-1");
        var sameAccept = await Api.CommandAsync(client, id, "accept", new { linkWorkerId = "lw-1" }, "accept-1");
        var otherAccept = await Api.CommandAsync(client, id, "accept", new { linkWorkerId = "lw-2" }, "accept-1");

        Assert.Equal(HttpStatusCode.Created, sameReferral.StatusCode);
        Assert.Equal("true", sameReferral.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherReferral.StatusCode);
        Assert.Equal("application/problem+json", otherReferral.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, sameAccept.StatusCode);
        Assert.Equal("true", sameAccept.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherAccept.StatusCode);
        var journey = await Api.GetJourneyAsync(client, id);
        Assert.Equal((2, "Marie", "lw-1"), (journey["version"]!.GetValue<int>(), journey["client"]!["givenName"]!.GetValue<string>(), journey["linkWorkerId"]!.GetValue<string>()));
    }
}
