using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// The plugins of this deployment, loaded once at start-up: every plugin found with its status, which tenants
/// enable which, and each tenant's components by kind.
/// </summary>
/// <remarks>
/// The only way the host reaches plugin code; the loading library behind it can be replaced without touching
/// the host. Nothing is loaded or unloaded after start-up.
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
}
