using System.Diagnostics;
using System.Text.Json.Nodes;
using SocialPrescribing.Cli;
using SocialPrescribing.Domain.Access;

namespace SocialPrescribing.Host.Tests;

/// <summary>A real host process on its own embedded database, for spf to work against over HTTP.</summary>
public sealed class SpfHostFixture : IAsyncLifetime
{
    public string DataDirectory { get; } = TempFolders.New("sp-spf");

    internal HostProcess Host { get; private set; } = null!;

    /// <summary>The plugins folder the host reads: the test plugin good-rides.</summary>
    public static string Plugins => Path.Combine(AppContext.BaseDirectory, "TestPlugins");

    public async ValueTask InitializeAsync() =>
        Host = await HostProcess.StartAsync(DataDirectory, TestContext.Current.CancellationToken, "--Plugins:Directory", Plugins);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        TempFolders.Delete(DataDirectory);
    }

    public string TokenFor(string subject, params string[] roles) => TestTokens.For(DataDirectory, Api.Tenant, subject, roles);
}

/// <summary>spf, the operators' CLI, run against a real host and its database: what it prints, and its exit codes.</summary>
public sealed class SpfTests(SpfHostFixture fixture) : IClassFixture<SpfHostFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_operator_creates_lists_changes_and_reads_the_history_of_a_tenant()
    {
        var tenant = "spf-" + Guid.NewGuid().ToString("N")[..8];

        var created = await SpfAsync(Operator, "tenants", "create", tenant, "--name", "Programme Acadie", "--time-zone", "America/Moncton", "minimumContactAttempts=4");
        var changed = await SpfAsync(Operator, "tenants", "set", tenant, "firstContactSlaBusinessDays=7", "holidays=2027-01-01,2027-12-25", "matching.interest=3");
        var listed = await SpfAsync(Operator, "tenants", "list");
        var shown = await SpfAsync(Operator, "tenants", "show", tenant, "--json");
        var history = await SpfAsync(Operator, "tenants", "history", tenant);

        Assert.Equal((0, $"Tenant {tenant} created: settings at version 1."), (created.ExitCode, created.Output.Trim()));
        Assert.Equal((0, $"Tenant {tenant} changed: settings at version 2."), (changed.ExitCode, changed.Output.Trim()));

        // Not a terminal: a header line, then one tab-separated line per tenant.
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("tenant\tname\tversion\tsource\tchanged at\tchanged by", lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{tenant}\tProgramme Acadie\t2\tapi\t", StringComparison.Ordinal) && l.EndsWith("\tspf-operator", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ab\t", StringComparison.Ordinal));

        var settings = JsonNode.Parse(shown.Output)!["settings"]!;
        Assert.Equal(("America/Moncton", 7, 4, 3.0), (settings["timeZone"]!.GetValue<string>(), settings["firstContactSlaBusinessDays"]!.GetValue<int>(),
            settings["minimumContactAttempts"]!.GetValue<int>(), settings["matching"]!["interest"]!.GetValue<double>()));
        Assert.Equal(["2027-01-01", "2027-12-25"], settings["holidays"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Contains(history.Output.Split('\n'), l => l.StartsWith("2\t", StringComparison.Ordinal) && l.Contains("\tfirstContactSlaBusinessDays\t5\t7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_is_created_and_changed_from_json_files_merged_over_its_settings()
    {
        var tenant = "spf-" + Guid.NewGuid().ToString("N")[..8];
        var create = Path.Combine(fixture.DataDirectory, tenant + "-create.json");
        var change = Path.Combine(fixture.DataDirectory, tenant + "-change.json");
        await File.WriteAllTextAsync(create, """
            {"timeZone":"America/Halifax","supervisors":[{"id":"sup-1","displayName":"Dr Aucoin"}],"matching":{"interest":6,"distance":1}}
            """, Token);
        await File.WriteAllTextAsync(change, """{"matching":{"distance":3},"contactPoint":"902-555-0100"}""", Token);

        var created = await SpfAsync(Operator, "tenants", "create", tenant, "--name", "Programme Atlantique", "--file", create);
        var changed = await SpfAsync(Operator, "tenants", "set", tenant, "-f", change, "minimumContactAttempts=5");
        var nothing = await SpfAsync(Operator, "tenants", "set", tenant);
        var settings = JsonNode.Parse((await SpfAsync(Operator, "tenants", "show", tenant, "--json")).Output)!["settings"]!;

        // The host's own commands know a tenant created while it runs: its first user is added to it.
        var user = await ProcessAsync(
            ["users", "add", "--tenant", tenant, "--user", "first-worker", "--name", "Première Intervenante", "--roles", "link-worker", "--password", "Correct-Horse-Battery-9",
             "--host-dll", HostCommand.Dll, "--Storage:DataDirectory", fixture.DataDirectory, "--environment", "Testing"], null);
        Assert.True(user.ExitCode == 0, user.Output);

        Assert.Equal((0, 0), (created.ExitCode, changed.ExitCode));
        Assert.Equal(1, nothing.ExitCode);
        Assert.Equal(("America/Halifax", "Dr Aucoin", 6.0, 3.0), (settings["timeZone"]!.GetValue<string>(), settings["supervisors"]![0]!["displayName"]!.GetValue<string>(),
            settings["matching"]!["interest"]!.GetValue<double>(), settings["matching"]!["distance"]!.GetValue<double>()));
        Assert.Equal(("902-555-0100", 5), (settings["contactPoint"]!.GetValue<string>(), settings["minimumContactAttempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_refusal_exits_1_naming_the_field_on_standard_error_and_a_missing_host_or_token_says_what_to_give()
    {
        var refused = await SpfAsync(Operator, "tenants", "create", "spf-bad", "--name", "X", "--time-zone", "Mars/Olympus");
        var notAllowed = await SpfAsync(fixture.TokenFor("spf-worker", AccessRoles.LinkWorker), "tenants", "list");
        var noToken = await SpfAsync(null, "tenants", "list");
        var nowhere = await RunAsync(["tenants", "list", "--url", "http://127.0.0.1:9", "--token", "x"]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("settings.timeZone", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", refused.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, refused.Output);
        Assert.Equal(1, notAllowed.ExitCode);
        Assert.StartsWith("spf: 403", notAllowed.Error, StringComparison.Ordinal);
        Assert.Equal(1, noToken.ExitCode);
        Assert.Contains("SPF_TOKEN", noToken.Error, StringComparison.Ordinal);
        Assert.Equal(1, nowhere.ExitCode);
        Assert.Contains("cannot be reached", nowhere.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_import_lists_each_rejected_record_and_exits_2_when_any_was()
    {
        var file = Path.Combine(fixture.DataDirectory, "services.json");
        var services = new JsonArray(
            new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Jardin communautaire", ["status"] = "active" },
            new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "Closed café", ["status"] = "open" });
        await File.WriteAllTextAsync(file, services.ToJsonString(), Token);

        var imported = await SpfAsync(fixture.TokenFor("spf-admin", AccessRoles.TenantAdmin), "directory", "import", file, "--tenant", Api.Tenant);

        Assert.Equal(2, imported.ExitCode);
        var lines = imported.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("received 2, imported 1, updated 0, unchanged 0, rejected 1", lines[0]);
        Assert.Equal("record\tid\tfield\treason", lines[1]);
        Assert.StartsWith("1\t", lines[2], StringComparison.Ordinal);
        Assert.Contains("\t/status\t", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_verifies_and_exports_as_fhir_audit_events_and_a_report_is_written_to_a_file()
    {
        // A journey read by a link worker puts entries in the audit log.
        var journey = await Api.CreateJourneyAsync(fixture.Host.Client);
        await Api.GetJourneyAsync(fixture.Host.Client, journey);
        var privacy = fixture.TokenFor("spf-privacy", AccessRoles.PrivacyOfficer);
        var exported = Path.Combine(fixture.DataDirectory, "audit.ndjson");
        var report = Path.Combine(fixture.DataDirectory, "activity.json");

        var verified = await SpfAsync(privacy, "audit", "verify", "--tenant", Api.Tenant);
        var export = await SpfAsync(privacy, "audit", "export", "--tenant", Api.Tenant, "-o", exported);
        var reported = await SpfAsync(fixture.TokenFor("spf-manager", AccessRoles.ProgramManager), "reports", "export", "--tenant", Api.Tenant, "--report", "activity", "-o", report);

        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("The audit log of ab is intact: ", verified.Output, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        var events = (await File.ReadAllLinesAsync(exported, Token)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("AuditEvent", e["resourceType"]!.GetValue<string>()));
        Assert.Equal(0, reported.ExitCode);
        Assert.Equal(28, JsonNode.Parse(await File.ReadAllTextAsync(report, Token))!["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task Plugins_are_listed_from_the_host_and_a_folder_is_validated_before_it_is_installed()
    {
        var broken = Path.Combine(fixture.DataDirectory, "broken-plugin");
        Directory.CreateDirectory(broken);
        await File.WriteAllTextAsync(Path.Combine(broken, "plugin.json"), """{"id":"Broken Plugin","version":"1.0.0"}""", Token);

        var listed = await SpfAsync(Operator, "plugins", "list");
        var good = await SpfAsync(null, "plugins", "validate", Path.Combine(SpfHostFixture.Plugins, "good-rides"), "--json");
        var bad = await SpfAsync(null, "plugins", "validate", broken);

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(listed.Output.Split('\n'), l => l.StartsWith("good-rides\t1.2.0\tloaded\ttransport-partner,training-module\t", StringComparison.Ordinal));
        Assert.Equal(0, good.ExitCode);
        var report = JsonNode.Parse(good.Output)!;
        Assert.True(report["loads"]!.GetValue<bool>());
        Assert.Contains(report["components"]!.AsArray(), c => c!["kind"]!.GetValue<string>() == "transport-partner");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("The plugin would not load (invalid-manifest): ", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_installed_spf_runs_the_hosts_own_commands_and_speaks_plainly_to_a_pipe()
    {
        var data = TempFolders.New("sp-spf-migrate");
        try
        {
            var migrated = await ProcessAsync(["migrate", "--host-dll", HostCommand.Dll, "--Storage:DataDirectory", data], null);
            var listed = await ProcessAsync(["tenants", "list"], new Dictionary<string, string> { ["SPF_URL"] = fixture.Host.Address.AbsoluteUri, ["SPF_TOKEN"] = Operator });
            var missingHost = await ProcessAsync(["migrate", "--host-dll", Path.Combine(data, "nowhere.dll")], null);

            Assert.True(migrated.ExitCode == 0, migrated.Output);
            Assert.Contains("Storage schema is up to date.", migrated.Output, StringComparison.Ordinal);
            Assert.Equal(0, listed.ExitCode);
            Assert.StartsWith("tenant\tname\tversion", listed.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", listed.Output, StringComparison.Ordinal);
            Assert.Equal(1, missingHost.ExitCode);
            Assert.Contains("--host-dll", missingHost.Output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolders.Delete(data);
        }
    }

    private string Operator => fixture.TokenFor("spf-operator", AccessRoles.Operator);

    private Task<(int ExitCode, string Output, string Error)> SpfAsync(string? token, params string[] args) =>
        RunAsync([.. args, "--url", fixture.Host.Address.AbsoluteUri, .. token is null ? Array.Empty<string>() : ["--token", token]]);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Spf.RunAsync(args, new SpfConsole(output, error, terminal: false), Token);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>spf as an operator runs it: its own process, its output a pipe; standard output and error together.</summary>
    private static async Task<(int ExitCode, string Output)> ProcessAsync(string[] args, Dictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spf.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("SPF_URL");
        start.Environment.Remove("SPF_TOKEN");
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);
        return (process.ExitCode, await output + await error);
    }
}
