using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Samples.Tests.Support;

/// <summary>
/// The plugin subsystem registered as the host registers it — <c>AddPlugins</c>, with the host's pooled
/// <see cref="IHttpClientFactory"/> forwarded to plugins — over a plugins folder and in-memory tenant configuration.
/// Calls are bounded at five seconds: short enough for a test that waits for a timeout, long enough for a first
/// call on a busy machine.
/// </summary>
internal sealed class PluginHarness : IDisposable
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _services;

    public PluginHarness(SamplePlugins plugins, IReadOnlyDictionary<string, string?> tenantSettings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Plugins:Directory"] = plugins.Path,
            ["Plugins:CallTimeout"] = CallTimeout.ToString(),
            ["Plugins:BreakerMinimumThroughput"] = "20",
        };
        foreach (var (key, value) in tenantSettings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ITenantDirectory, TestTenants>();
        services.AddHttpClient();
        services.AddPlugins(configuration.GetSection("Plugins"), configuration.GetSection("Tenants"), forward => forward.Forward<IHttpClientFactory>());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>The catalog, built on first use as at host start-up.</summary>
    public IPluginCatalog Catalog => _services.GetRequiredService<IPluginCatalog>();

    public IPluginInvoker Invoker => _services.GetRequiredService<IPluginInvoker>();

    public PluginEntry Entry(string id) => Catalog.Plugins.Single(p => p.Id == id);

    public void Dispose() => _services.Dispose();
}
