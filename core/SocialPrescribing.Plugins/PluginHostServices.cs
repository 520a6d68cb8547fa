using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Host services every plugin's service provider receives, resolved from the host's container. Their assemblies
/// are shared with the plugins, so the plugin and the host agree on the types.
/// </summary>
/// <remarks>
/// By default <see cref="ILoggerFactory"/> (and with it <c>ILogger&lt;T&gt;</c>) and <see cref="TimeProvider"/>.
/// Forward only stateless or thread-safe services that expose nothing of one tenant to another.
/// </remarks>
public sealed class PluginHostServices
{
    private readonly List<Type> _types = [typeof(ILoggerFactory), typeof(TimeProvider)];

    /// <summary>The service types forwarded, in order.</summary>
    public IReadOnlyList<Type> Types => _types;

    /// <summary>Forwards <typeparamref name="TService"/> from the host's container, when the host registers it.</summary>
    public PluginHostServices Forward<TService>()
        where TService : class
    {
        if (!_types.Contains(typeof(TService)))
        {
            _types.Add(typeof(TService));
        }

        return this;
    }
}
