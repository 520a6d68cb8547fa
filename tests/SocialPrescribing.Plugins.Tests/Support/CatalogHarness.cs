using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Plugins.Tests.Support;

/// <summary>
/// The plugin subsystem registered as the host registers it (<c>AddPlugins</c>), over a plugins folder and
/// in-memory configuration, with the tenants <c>ab</c> and <c>on</c> and captured logs.
/// </summary>
internal sealed class CatalogHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public CatalogHarness(PluginFolder plugins, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = plugins.Path,
            ["Plugins:StartupTimeout"] = "00:00:02",
            ["Plugins:CallTimeout"] = "00:00:00.500",
            ["Plugins:BreakerMinimumThroughput"] = "4",
            ["Plugins:BreakerBreakDuration"] = "00:00:00.500",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITenantDirectory, TestTenants>();
        services.AddPlugins(configuration.GetSection("Plugins"), configuration.GetSection("Tenants"));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The catalog, built on first use as at host start-up.</summary>
    public IPluginCatalog Catalog => _services.GetRequiredService<IPluginCatalog>();

    public IPluginInvoker Invoker => _services.GetRequiredService<IPluginInvoker>();

    public PluginEntry Entry(string id) => Catalog.Plugins.Single(p => p.Id == id);

    public void Dispose() => _services.Dispose();
}
