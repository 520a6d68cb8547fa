using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// The plugins of this deployment, loaded once at start-up: every plugin found with its status, which tenants
/// enable which, and each tenant's components by kind.
/// </summary>
/// <remarks>
/// The only way the host reaches plugin code; the loading library behind it can be replaced without touching
/// the host. Plugins are loaded at start-up; which of them a tenant enables, and with what settings, may change
/// while the host runs (<see cref="Prepare"/>).
/// </remarks>
public interface IPluginCatalog
{
    /// <summary>The full path of the folder plugins were looked for in.</summary>
    string Directory { get; }

    /// <summary>Every plugin found, loaded or not, in folder name order.</summary>
    IReadOnlyList<PluginEntry> Plugins { get; }

    /// <summary>The loaded plugins <paramref name="tenant"/> enables, by id. A plugin it does not enable is not here.</summary>
    IReadOnlyList<PluginEntry> EnabledFor(TenantId tenant);

    /// <summary>True when <paramref name="pluginId"/> is loaded and enabled for <paramref name="tenant"/>.</summary>
    bool IsEnabled(TenantId tenant, string pluginId);

    /// <summary>
    /// The components of kind <typeparamref name="T"/> that <paramref name="tenant"/>'s enabled plugins provide,
    /// by component id. Empty when it enables none.
    /// </summary>
    /// <typeparam name="T">A kind's contract: <c>ITransportPartner</c>, <c>ITrainingModule</c>, <c>IAssessmentInstrument</c> or <c>INotificationChannel</c>.</typeparam>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a kind's contract.</exception>
    IReadOnlyList<PluginComponent<T>> ComponentsFor<T>(TenantId tenant)
        where T : class;

    /// <summary>The component of kind <typeparamref name="T"/> with <paramref name="componentId"/> for <paramref name="tenant"/>, or null.</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a kind's contract.</exception>
    PluginComponent<T>? Find<T>(TenantId tenant, string componentId)
        where T : class;

    /// <summary>Raised after a tenant's plugins changed while the host runs (<see cref="PluginReconfiguration.Apply"/>).</summary>
    event Action<TenantId>? TenantChanged;

    /// <summary>
    /// Activates <paramref name="tenant"/>'s plugins as <paramref name="plugins"/> says (a section shaped like
    /// <c>Tenants:&lt;id&gt;:Plugins</c>: <c>&lt;pluginId&gt;:Enabled</c> and <c>:Settings</c>), checking every setting, without
    /// serving them yet. The result lists every problem (nothing is served then), or is applied to serve them from then on.
    /// </summary>
    PluginReconfiguration Prepare(TenantId tenant, Microsoft.Extensions.Configuration.IConfiguration plugins);
}

/// <summary>A tenant's plugins activated with new settings, not yet served: <see cref="Apply"/> it, or dispose of it.</summary>
public sealed class PluginReconfiguration : IDisposable
{
    private readonly Action<PluginReconfiguration>? _apply;
    private bool _applied;

    internal PluginReconfiguration(TenantId tenant, IReadOnlyList<string> problems, IReadOnlyList<IDisposable> activations, Action<PluginReconfiguration>? apply)
    {
        Tenant = tenant;
        Problems = problems;
        Activations = activations;
        _apply = apply;
    }

    public TenantId Tenant { get; }

    /// <summary>Every setting refused and every plugin that cannot serve, each naming its plugin; empty when it can be applied.</summary>
    public IReadOnlyList<string> Problems { get; }

    internal IReadOnlyList<IDisposable> Activations { get; }

    /// <summary>Serves the tenant's plugins as prepared from now on; the ones they replace stop being handed out.</summary>
    public void Apply()
    {
        if (Problems.Count > 0 || _apply is null)
        {
            throw new InvalidOperationException("A reconfiguration with problems cannot be applied.");
        }

        _applied = true;
        _apply(this);
    }

    public void Dispose()
    {
        if (!_applied)
        {
            foreach (var activation in Activations)
            {
                TenantActivation.DisposeQuietly(activation);
            }
        }
    }
}
