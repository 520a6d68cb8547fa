using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>What checking a plugin folder before it is installed found: the status the host would give it, and why.</summary>
/// <param name="Status">What the host would make of the plugin (<see cref="PluginStatus.Loaded"/> when it would load).</param>
/// <param name="Reason">Why it would not load; null when it would.</param>
/// <param name="Manifest">Its manifest, when that is sound.</param>
/// <param name="Components">The components its registration declares, when it loads.</param>
/// <param name="Warnings">What would not stop it but should be fixed.</param>
public sealed record PluginFolderReport(
    PluginStatus Status, string? Reason, PluginManifest? Manifest, IReadOnlyList<PluginComponentInfo> Components, IReadOnlyList<string> Warnings);

/// <summary>
/// Checks a plugin folder the way the host loads one, without installing it: the manifest field by field, the SDK range
/// against this SDK, the assembly and every type in it (so a dependency the folder lacks shows), the one entry type, and
/// the registration against the manifest's kinds. It runs the plugin's registration code, as the host would.
/// </summary>
public static class PluginFolderCheck
{
    private static readonly string SdkFile = typeof(IPluginStartup).Assembly.GetName().Name + ".dll";

    public static PluginFolderReport Check(string folder, TimeSpan? startupTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!System.IO.Directory.Exists(folder))
        {
            return new PluginFolderReport(PluginStatus.InvalidManifest, $"there is no folder '{folder}'", null, [], []);
        }

        if (!PluginManifestReader.TryRead(folder, out var manifest, out _, out var error))
        {
            return new PluginFolderReport(PluginStatus.InvalidManifest, error, null, [], []);
        }

        var warnings = new List<string>();
        if (File.Exists(Path.Combine(folder, SdkFile)))
        {
            warnings.Add($"the folder carries its own {SdkFile}; the host always uses its own SDK, so leave it out (reference the SDK package with ExcludeAssets=\"runtime\")");
        }

        if (!File.Exists(Path.Combine(folder, Path.ChangeExtension(manifest!.Assembly, ".deps.json"))))
        {
            warnings.Add($"there is no {Path.ChangeExtension(manifest.Assembly, ".deps.json")}: the plugin's own dependencies may not resolve (publish the plugin with dotnet publish)");
        }

        var handles = new List<IDisposable>();
        try
        {
            var loader = new PluginFolderLoader(new McMasterPluginAssemblyLoader(), PluginCatalog.SharedTypes(new PluginHostServices()), startupTimeout ?? TimeSpan.FromSeconds(10));
            var loaded = loader.Load(folder, manifest, handles);
            return new PluginFolderReport(PluginStatus.Loaded, null, manifest, [.. loaded.Components.Select(c => new PluginComponentInfo(c.Kind, c.Id, c.Type.FullName ?? c.Type.Name))], warnings);
        }
        catch (PluginRejectedException e)
        {
            return new PluginFolderReport(e.Status, e.Message, manifest, [], warnings);
        }
        finally
        {
            handles.ForEach(TenantActivation.DisposeQuietly);
        }
    }
}
