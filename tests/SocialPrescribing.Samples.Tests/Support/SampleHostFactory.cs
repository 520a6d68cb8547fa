using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>
/// The real host in-process (Orleans silo, Hangfire, SQLite in a temporary folder) over a plugins folder of the
/// test's making, with tenant settings on top of the host's appsettings.json.
/// </summary>
internal sealed class SampleHostFactory(string pluginsDirectory, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "sp-samples-host-" + Guid.NewGuid().ToString("N"));

    /// <summary>What the host logged, for a test to show when the host answers something it should not.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The host's warnings and errors so far, one per line (for a failing assertion's message).</summary>
    public string Problems => string.Join("\n", Logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Text}"));

    /// <summary>A client whose requests carry a token for the tenant they address (see <see cref="TenantTokenHandler"/>).</summary>
    public HttpClient CreateAuthenticatedClient() => CreateDefaultClient(new TenantTokenHandler(DataDirectory));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Jobs:SchedulePollingInterval", "00:00:01");
        builder.UseSetting("Jobs:ShutdownTimeout", "00:00:01");
        builder.UseSetting("Plugins:Directory", pluginsDirectory);
        // Tests send referrals far faster than any clinic; the limit itself is tested with its own low setting.
        builder.UseSetting("Edge:ReferralsPerMinute", "1000000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
