using SocialPrescribing.Abstractions;

namespace SocialPrescribing.Plugins;

/// <summary>
/// A component of kind <typeparamref name="T"/> that a plugin provides to one tenant, with where it came from.
/// The component itself is reached only through <see cref="IPluginInvoker"/>, so that every call into plugin
/// code is bounded.
/// </summary>
/// <typeparam name="T">The kind's contract, for example <c>ITransportPartner</c>.</typeparam>
public sealed class PluginComponent<T>
    where T : class
{
    internal PluginComponent(string pluginId, string pluginVersion, TenantId tenant, string kind, string componentId, T instance)
    {
        PluginId = pluginId;
        PluginVersion = pluginVersion;
        Tenant = tenant;
        Kind = kind;
        ComponentId = componentId;
        Instance = instance;
    }

    /// <summary>The id of the plugin that provides the component.</summary>
    public string PluginId { get; }

    /// <summary>The version of that plugin.</summary>
    public string PluginVersion { get; }

    /// <summary>The tenant this instance serves; each tenant has its own.</summary>
    public TenantId Tenant { get; }

    /// <summary>The component's kind, for example <c>transport-partner</c>.</summary>
    public string Kind { get; }

    /// <summary>The component's id from its kind attribute, unique within its kind in this deployment.</summary>
    public string ComponentId { get; }

    internal T Instance { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{ComponentId}' of plugin '{PluginId}' {PluginVersion} for tenant '{Tenant}'";
}
