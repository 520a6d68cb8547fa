namespace SocialPrescribing.Plugins;

/// <summary>Where plugins are found and how calls into them are bounded.</summary>
/// <remarks>Bound from the <c>Plugins</c> configuration section. Which tenants enable a plugin is tenant configuration.</remarks>
public sealed class PluginOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Plugins";

    /// <summary>
    /// The folder holding one sub-folder per plugin, each with its <c>plugin.json</c>. Default: <c>plugins</c>
    /// next to the host's binaries, which is where building the solution puts the first-party and sample plugins.
    /// A relative path is taken relative to <see cref="AppContext.BaseDirectory"/>. A missing folder means no
    /// plugins.
    /// </summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>Ids of plugins not to load even though their folder is present; listed as <c>disabled</c>. Default: none.</summary>
    public List<string> Disabled { get; set; } = [];

    /// <summary>
    /// How long a plugin may take to register its services, and to create its components for one tenant, at
    /// start-up before it is quarantined. Default: 10 seconds.
    /// </summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one call into a plugin may take before the caller gets a timeout. Default: 10 seconds.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many calls into one plugin for one tenant may be running at once. A call that timed out still counts
    /// until the plugin's code returns, since its thread is still held, so a plugin that hangs can hold at most this
    /// many threads per tenant. Calls beyond it are refused at once (<see cref="PluginCallFailure.Saturated"/>).
    /// Default: 16.
    /// </summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    /// <summary>
    /// The share of failed calls (timeouts, exceptions, invalid results), over <see cref="BreakerSamplingDuration"/>,
    /// that opens a plugin's circuit for one tenant. Default: 0.5.
    /// </summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the sampling period before the circuit may open; at least 2. Default: 5.</summary>
    public int BreakerMinimumThroughput { get; set; } = 5;

    /// <summary>The period failures are counted over; at least half a second. Default: 30 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an open circuit refuses calls before one trial call is let through; at least half a second.
    /// Default: 30 seconds.
    /// </summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
