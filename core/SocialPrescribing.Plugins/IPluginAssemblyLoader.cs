using System.Reflection;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Loads a plugin's main assembly into a load context of its own, sharing the given types' assemblies with the
/// host. The one place the loading library is named, so it can be replaced.
/// </summary>
internal interface IPluginAssemblyLoader
{
    /// <summary>Loads the assembly; the returned handle keeps its load context alive.</summary>
    (Assembly Assembly, IDisposable Handle) Load(string assemblyPath, IReadOnlyCollection<Type> sharedTypes);
}
