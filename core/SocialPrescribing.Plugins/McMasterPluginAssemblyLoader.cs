using System.Reflection;
using McMaster.NETCore.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>
/// <see cref="IPluginAssemblyLoader"/> on McMaster.NETCore.Plugins: one load context per plugin that reads the
/// plugin's <c>.deps.json</c>, resolves its private dependencies from its folder, and takes the shared assemblies
/// (the SDK, DI, options and logging abstractions) from the host. Not unloadable: plugins are loaded once.
/// </summary>
internal sealed class McMasterPluginAssemblyLoader : IPluginAssemblyLoader
{
    public (Assembly Assembly, IDisposable Handle) Load(string assemblyPath, IReadOnlyCollection<Type> sharedTypes)
    {
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, [.. sharedTypes], config =>
        {
            config.IsUnloadable = false;
            config.EnableHotReload = false;
            // Only the listed contracts are unified; everything else a plugin ships stays its own.
            config.PreferSharedTypes = false;
        });
        try
        {
            return (loader.LoadDefaultAssembly(), loader);
        }
        catch
        {
            loader.Dispose();
            throw;
        }
    }
}
