using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPrescribing.Testing.Postgres;

namespace SocialPrescribing.Host.Tests;

/// <summary>The host with <c>Storage:Provider=postgres</c>: journeys, cluster membership and jobs in one PostgreSQL database.</summary>
[Collection(HostCollection.Name)]
public sealed class PostgresHostTests(PostgresFixture postgres)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    internal static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Postgres"] = connectionString,
        ["Orleans:AdvertisedIPAddress"] = "127.0.0.1",
        ["Orleans:ClusterId"] = PostgresServer.UniqueName("cluster"),
    };

    private async Task<string> NewDatabaseAsync() =>
        await (await postgres.GetServerAsync()).CreateDatabaseAsync(PostgresServer.UniqueName("host"), Token);

    [Fact]
    public async Task The_pathway_runs_on_postgres_with_its_jobs_stored_there()
    {
        var database = await NewDatabaseAsync();
        await using var factory = new JourneyHostFactory(settings: Settings(database));
        using var http = factory.CreateAuthenticatedClient();

        var id = await Api.CreateJourneyAsync(http);
        await Api.CommandOkAsync(http, id, "accept", new { linkWorkerId = "lw-pg" });
        await Api.CommandOkAsync(http, id, "record-contact", new { mode = "video" });
        var journey = await Api.GetJourneyAsync(http, id);
        var caseload = await Api.ReadAsync(await http.GetAsync($"{Api.Journeys()}?linkWorker=lw-pg", Token));

        Assert.Equal("engaged", journey["status"]!.GetValue<string>());
        Assert.Equal(3, journey["version"]!.GetValue<int>());
        Assert.Equal(id, caseload["items"]![0]!["journeyId"]!.GetValue<Guid>());
        await Api.EventuallyAsync(
            () =>
            {
                using var jobs = factory.Services.GetRequiredService<JobStorage>().GetConnection();
                var ids = jobs.GetRecurringJobs().Select(j => j.Id).ToList();
                return Task.FromResult(ids.Contains(SocialPrescribing.Jobs.FirstContactSweepJob.RecurringJobId) && ids.Contains(SocialPrescribing.Jobs.PartnerResponseSweepJob.RecurringJobId));
            },
            "the first-contact and provider-answer sweeps are registered");
        Assert.Equal("Hangfire.PostgreSql.PostgreSqlStorage", factory.Services.GetRequiredService<JobStorage>().GetType().FullName);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT COUNT(*) FROM social_prescribing.journeys"));
        Assert.True(await ScalarAsync<long>(database, "SELECT COUNT(*) FROM social_prescribing.orleans_membership WHERE status = 3") >= 1);
        Assert.Equal(3L, AppendsPublishedBy(factory.Services.GetRequiredService<IMeterFactory>()));
    }

    [Fact]
    public async Task The_restore_drill_a_dump_restored_into_a_fresh_database_serves_the_same_journeys_and_audit_log()
    {
        var server = await postgres.GetServerAsync();
        var original = await NewDatabaseAsync();
        Guid engaged, referred;
        string engagedBefore, referredBefore;
        List<string> auditBefore;
        await using (var factory = new JourneyHostFactory(settings: Settings(original)))
        {
            using var http = factory.CreateAuthenticatedClient();
            engaged = await Api.CreateJourneyAsync(http);
            await Api.CommandOkAsync(http, engaged, "accept", new { linkWorkerId = "lw-drill" });
            await Api.CommandOkAsync(http, engaged, "record-contact", new { mode = "phone", purpose = "introduction", notes = "Before the backup." });
            referred = await Api.CreateJourneyAsync(http);
            engagedBefore = Comparable(await Api.GetJourneyAsync(http, engaged));
            referredBefore = Comparable(await Api.GetJourneyAsync(http, referred));
            auditBefore = await AuditAsync(http);
            Assert.Contains(auditBefore, e => e.Contains(referred.ToString(), StringComparison.Ordinal));
        }

        // What an operator runs: pg_dump of the deployment's database, pg_restore into a new one, a host pointed at it.
        var dump = Path.Combine(Path.GetTempPath(), $"sp-drill-{Guid.NewGuid():N}.dump");
        try
        {
            await PostgresServer.DumpAsync(original, dump, Token);
            var restored = await server.CreateDatabaseAsync(PostgresServer.UniqueName("restored"), Token);
            await PostgresServer.RestoreAsync(restored, dump, Token);

            await using var factory = new JourneyHostFactory(settings: Settings(restored));
            using var http = factory.CreateAuthenticatedClient();
            Assert.Equal(engagedBefore, Comparable(await Api.GetJourneyAsync(http, engaged)));
            Assert.Equal(referredBefore, Comparable(await Api.GetJourneyAsync(http, referred)));
            var auditAfter = await AuditAsync(http);
            Assert.Empty(auditBefore.Except(auditAfter, StringComparer.Ordinal));
            Assert.True(auditAfter.Count > auditBefore.Count, "the reads after the restore are audited too");
            var verification = await Api.ReadAsync(await http.GetAsync("/api/v1/tenants/ab/audit/verification", Token));
            Assert.True(verification["intact"]!.GetValue<bool>(), verification.ToJsonString());
            // And it goes on: the restored journey takes its next command.
            await Api.CommandOkAsync(http, referred, "accept", new { linkWorkerId = "lw-drill" });
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>A journey as the API gives it, less what is computed from the moment it is read.</summary>
    private static string Comparable(System.Text.Json.Nodes.JsonObject journey)
    {
        journey.Remove("asOf");
        journey.Remove("daysSinceReferral");
        return journey.ToJsonString();
    }

    /// <summary>The tenant's audit log, one line per entry (everything it says, its sequence included).</summary>
    private static async Task<List<string>> AuditAsync(HttpClient http)
    {
        var page = await Api.ReadAsync(await http.GetAsync("/api/v1/tenants/ab/audit?pageSize=1000", Token));
        return [.. page["items"]!.AsArray().Select(e => e!.ToJsonString()).Order(StringComparer.Ordinal)];
    }

    /// <summary>The store's <c>sp.storage.appends</c> as the host's own meter factory publishes it.</summary>
    private static long? AppendsPublishedBy(IMeterFactory host)
    {
        long? appends = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == host && instrument.Meter.Name == "SocialPrescribing.Storage.Postgres" && instrument.Name == "sp.storage.appends")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => appends = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return appends;
    }

    [Fact]
    public async Task The_migrate_command_applies_the_schema_and_exits()
    {
        var database = await NewDatabaseAsync();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "SocialPrescribing.Host.dll"), "migrate", "--Storage:Provider", "postgres", "--ConnectionStrings:Postgres", database })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);

        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync(Token));
        Assert.Contains("Storage schema is up to date.", output, StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT COUNT(*) FROM social_prescribing.journeys"));
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_with_the_key_named()
    {
        await using var factory = new JourneyHostFactory(settings: new Dictionary<string, string> { ["Storage:Provider"] = "postgres" });

        var error = Record.Exception(() => factory.CreateAuthenticatedClient());

        Assert.NotNull(error);
        Assert.Contains("ConnectionStrings:Postgres", error.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Token))!;
    }

    internal static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> request, Func<HttpResponseMessage, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            HttpResponseMessage? response = null;
            try
            {
                response = await request();
                if (done(response) || clock.Elapsed > within)
                {
                    return response;
                }
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && clock.Elapsed < within)
            {
            }

            response?.Dispose();
            await Task.Delay(250, Token);
        }
    }

    internal static bool IsOk(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created;
}
