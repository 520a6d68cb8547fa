using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>
/// <c>projections rebuild</c>: read models thrown away and built again from the events equal what the host kept
/// while it ran, on both engines.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ProjectionRebuildTests(PostgresFixture postgres)
{
    private static string Corrupt(string table) =>
        $"""
        UPDATE {table} SET status = 'declined', client_name = 'Nobody', open_safety_alerts = 0, assessment_digest = NULL, trips_awaiting_partner = 0,
            safety_alerts = NULL, oldest_open_alert_at = NULL, first_assessed_at = NULL, last_assessed_at = NULL, baseline_instruments = NULL,
            first_program_referral_at = NULL
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rebuilt_caseload_safety_alerts_and_report_equal_the_originals(string engine)
    {
        var (data, settings, arguments, database) = await EngineAsync(engine);

        try
        {
            string[] original;
            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                await PathwaysAsync(http);
                original = await ReadModelsAsync(http);
            }

            await CorruptAsync(data, database);
            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                Assert.NotEqual(original, await ReadModelsAsync(http));
            }

            var (exitCode, output) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "projections", "rebuild", "--name", "caseload", .. arguments]);
            Assert.True(exitCode == 0, output);
            Assert.Contains("Projection caseload rebuilt: 4 rows.", output, StringComparison.Ordinal);

            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                Assert.Equal(original, await ReadModelsAsync(http));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(data);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_asynchronous_activity_projection_catches_up_and_a_rebuild_counts_every_event_again(string engine)
    {
        var (data, settings, arguments, database) = await EngineAsync(engine);

        try
        {
            string original;
            long events;
            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                await PathwaysAsync(http);

                // The projection lags the commands by about a poll (and, under load, a batch may stop short of the
                // newest events): it has caught up once every kind of event the pathways wrote is counted and a second
                // read a moment later says the same.
                var previous = "";
                await Api.EventuallyAsync(async () =>
                {
                    var report = await http.GetStringAsync(Activity, Token);
                    var counted = Totals(report);
                    var settled = report == previous && counted.GetValueOrDefault("ReferralReceived") == 4 && counted.GetValueOrDefault("ContactRecorded") == 3
                        && counted.GetValueOrDefault("AssessmentRecorded") == 3 && counted.GetValueOrDefault("Discharged") == 1;
                    previous = report;
                    await Task.Delay(300, Token);
                    return settled;
                }, "the activity projection catches up");
                original = previous;
                var totals = Totals(original);
                events = totals.Values.Sum();
                Assert.Equal(3, totals["ContactRecorded"]);
                Assert.Equal(3, totals["AssessmentRecorded"]);
                Assert.Equal(1, totals["Discharged"]);
                Assert.DoesNotContain("Tremblay", original, StringComparison.Ordinal);
            }

            await ExecuteAsync(data, database, "UPDATE {0}projection_tallies SET count = count + 7", expected: -1);

            var (exitCode, output) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "projections", "rebuild", "--name", "activity", .. arguments]);
            Assert.True(exitCode == 0, output);
            Assert.Contains($"Projection activity rebuilt: {events} events counted.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Projection caseload", output, StringComparison.Ordinal);

            await using (var factory = new JourneyHostFactory(data, settings: settings))
            {
                using var http = factory.CreateAuthenticatedClient();
                Assert.Equal(original, await http.GetStringAsync(Activity, Token));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TempFolders.Delete(data);
        }
    }

    /// <summary>A data folder and, on PostgreSQL, a fresh database: the host's settings and the command line's arguments for them.</summary>
    private async Task<(string Data, Dictionary<string, string> Settings, string[] Arguments, string? Database)> EngineAsync(string engine)
    {
        var data = TempFolders.New("sp-rebuild");
        if (engine != "postgres")
        {
            return (data, [], ["--Storage:DataDirectory", data], null);
        }

        var database = await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("rebuild"), Token);
        return (data, PostgresHostTests.Settings(database), ["--Storage:DataDirectory", data, "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", database], database);
    }

    private static string Activity => $"/api/v1/tenants/{Api.Tenant}/reports/activity";

    private static Dictionary<string, long> Totals(string report) =>
        System.Text.Json.Nodes.JsonNode.Parse(report)!["totals"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<long>());

    [Fact]
    public async Task An_unknown_projection_is_refused_with_the_known_names()
    {
        var data = TempFolders.New("sp-rebuild");
        try
        {
            var (exitCode, output) = await HostCommand.RunAsync(AppContext.BaseDirectory, [HostCommand.Dll, "projections", "rebuild", "--name", "everything", "--Storage:DataDirectory", data]);

            Assert.Equal(2, exitCode);
            Assert.Contains("projections rebuild [--name caseload|activity]", output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    /// <summary>Four journeys: referred, with an improving GAD-7, with an open safety alert, discharged.</summary>
    private static async Task PathwaysAsync(HttpClient http)
    {
        await Api.CreateJourneyAsync(http);
        var improving = await Api.EngagedJourneyAsync(http);
        await AssessAsync(http, improving, "gad7", "baseline", 3, 3, 2, 2, 2, 2, 1);
        await AssessAsync(http, improving, "gad7", "follow-up", 2, 2, 1, 1, 1, 1, 1);
        var alerted = await Api.EngagedJourneyAsync(http);
        await AssessAsync(http, alerted, "phq9", "baseline", 1, 1, 1, 1, 0, 0, 0, 0, 1);

        // The supervisors are told in the background, which appends to the journey: let that happen first.
        await Api.EventuallyAsync(
            async () => (await Api.GetJourneyAsync(http, alerted))["safetyAlerts"]![0]!["notifiedAt"] is not null,
            "the safety alert is notified");
        var discharged = await Api.EngagedJourneyAsync(http);
        await Api.CommandOkAsync(http, discharged, "discharge", new { reason = "Goals met" });
    }

    private static async Task AssessAsync(HttpClient http, Guid id, string instrument, string timepoint, params int[] responses)
    {
        var response = await Api.PostAsync(http, $"{Api.Journeys()}/{id}/assessments", new { instrument, timepoint, responses });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Every read model a person sees, as the API serves it.</summary>
    private static async Task<string[]> ReadModelsAsync(HttpClient http) =>
    [
        await http.GetStringAsync($"{Api.Journeys()}?pageSize=100", Token),
        await http.GetStringAsync($"{Api.Journeys()}?safetyAlert=open", Token),
        await http.GetStringAsync($"/api/v1/tenants/{Api.Tenant}/safety-alerts", Token),
        await http.GetStringAsync($"/api/v1/tenants/{Api.Tenant}/reports/outcomes?from=2000-01-01", Token),
    ];

    private static Task CorruptAsync(string data, string? database) => ExecuteAsync(data, database, Corrupt("{0}journeys"), expected: 4);

    /// <summary>Runs <paramref name="sql"/> on the host's database ({0} is where the schema goes); -1 expects any number of rows.</summary>
    private static async Task ExecuteAsync(string data, string? database, string sql, int expected)
    {
        if (database is null)
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "journeys.db")}");
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "");
            var rows = await command.ExecuteNonQueryAsync(Token);
            Assert.True(expected < 0 ? rows > 0 : rows == expected, $"{rows} rows changed");
            return;
        }

        await using var pg = new NpgsqlConnection(database);
        await pg.OpenAsync(Token);
        await using var update = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "social_prescribing."), pg);
        var changed = await update.ExecuteNonQueryAsync(Token);
        Assert.True(expected < 0 ? changed > 0 : changed == expected, $"{changed} rows changed");
    }
}
