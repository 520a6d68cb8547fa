using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>
/// The real host in-process (Orleans silo, Hangfire server, SQLite in a temporary folder) over a plugins folder
/// of the test's making, with short Hangfire shutdown so disposal is quick.
/// </summary>
internal sealed class PluginHostFactory(string pluginsDirectory, IReadOnlyDictionary<string, string?> settings, string? dataDirectory = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The host's data; a folder given by the test (to model a restart) is the test's to delete.</summary>
    public string DataDirectory { get; } = dataDirectory ?? Path.Combine(Path.GetTempPath(), "sp-plugin-host-" + Guid.NewGuid().ToString("N"));

    /// <summary>A client whose requests carry a token for the tenant they address (see <see cref="TenantTokenHandler"/>).</summary>
    public HttpClient CreateAuthenticatedClient() => CreateDefaultClient(new TenantTokenHandler(DataDirectory));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
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
        if (dataDirectory is not null)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
