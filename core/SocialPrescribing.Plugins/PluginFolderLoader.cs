using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Plugins;

/// <summary>
/// Loads one plugin whose manifest is sound: SDK range → assembly present → assembly loads in its own context →
/// compiled against a compatible SDK → one entry type → registration within the time allowed → registrations
/// that match the manifest's kinds. The first step that fails decides the status and reason.
/// </summary>
internal sealed class PluginFolderLoader(IPluginAssemblyLoader assemblies, IReadOnlyCollection<Type> sharedTypes, TimeSpan startupTimeout)
{
    private static readonly string SdkAssemblyName = typeof(IPluginStartup).Assembly.GetName().Name!;

    /// <summary>Loads the plugin, or throws <see cref="PluginRejectedException"/> with its status and reason.</summary>
    /// <param name="folder">The plugin's folder.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="handles">Receives the load context's handle as soon as there is one, to keep it alive.</param>
    public LoadedPlugin Load(string folder, PluginManifest manifest, ICollection<IDisposable> handles)
    {
        var sdk = SdkVersion.Current;
        if (!manifest.Sdk.Includes(sdk))
        {
            throw new PluginRejectedException(PluginStatus.Incompatible, $"it supports SDK {manifest.Sdk}; this host has SDK {sdk}");
        }

        var assemblyPath = Path.Combine(folder, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginRejectedException(PluginStatus.MissingAssembly, $"the assembly '{manifest.Assembly}' named by {PluginManifest.FileName} is not in the folder");
        }

        var assembly = LoadAssembly(assemblyPath, manifest, handles);
        CheckSdkReference(assembly, manifest, sdk);
        var entryType = FindEntryType(assembly, manifest);
        var context = new PluginContext
        {
            PluginId = manifest.Id,
            Version = manifest.Version,
            Directory = folder,
            SdkVersion = sdk,
        };
        var services = Register(entryType, context);
        return new LoadedPlugin
        {
            Manifest = manifest,
            Folder = Path.GetFileName(folder),
            Context = context,
            SettingsType = SettingsTypeOf(entryType),
            Services = services,
            Components = Inspect(services, manifest),
        };
    }

    private Assembly LoadAssembly(string path, PluginManifest manifest, ICollection<IDisposable> handles)
    {
        try
        {
            var (assembly, handle) = assemblies.Load(path, sharedTypes);
            handles.Add(handle);
            return assembly;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or InvalidOperationException)
        {
            throw new PluginRejectedException(PluginStatus.Incompatible, $"'{manifest.Assembly}' could not be loaded: {Describe(e)}");
        }
    }

    private static void CheckSdkReference(Assembly assembly, PluginManifest manifest, Version sdk)
    {
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == SdkAssemblyName);
        if (reference?.Version is null)
        {
            throw new PluginRejectedException(PluginStatus.Incompatible, $"'{manifest.Assembly}' does not reference the SDK ({SdkAssemblyName})");
        }

        var built = SdkVersionRange.Normalize(reference.Version);
        if (built.Major != sdk.Major || built > sdk)
        {
            throw new PluginRejectedException(PluginStatus.Incompatible, $"'{manifest.Assembly}' was compiled against SDK {built}; this host has SDK {sdk}");
        }
    }

    private static Type FindEntryType(Assembly assembly, PluginManifest manifest)
    {
        Type[] exported;
        try
        {
            exported = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            var cause = e is ReflectionTypeLoadException load && load.LoaderExceptions.FirstOrDefault(x => x is not null) is { } first ? first : e;
            throw new PluginRejectedException(PluginStatus.Incompatible, $"the types of '{manifest.Assembly}' could not be loaded: {Describe(cause)}");
        }

        var candidates = exported
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IPluginStartup).IsAssignableFrom(t))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined, $"no public class in '{manifest.Assembly}' implements {nameof(IPluginStartup)}");
        }

        if (candidates.Count > 1)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined, $"several classes implement {nameof(IPluginStartup)} ({string.Join(", ", candidates.Select(c => c.FullName))}); a plugin has one entry type");
        }

        var entry = candidates[0];
        if (entry.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined, $"the entry type {entry.FullName} has no public parameterless constructor");
        }

        return entry;
    }

    private static Type? SettingsTypeOf(Type entryType) =>
        entryType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IPluginStartup<>))
            ?.GetGenericArguments()[0];

    private List<ServiceDescriptor> Register(Type entryType, PluginContext context)
    {
        try
        {
            return BoundedWork.Run(
                () =>
                {
                    var startup = (IPluginStartup)Activator.CreateInstance(entryType)!;
                    var services = new ServiceCollection();
                    startup.ConfigureServices(services, context);
                    return services.ToList();
                },
                startupTimeout,
                "registration (ConfigureServices)");
        }
        catch (PluginRejectedException)
        {
            throw;
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            throw new PluginRejectedException(PluginStatus.Quarantined, $"registration failed: {Describe(cause)}");
        }
    }

    private static List<ComponentDeclaration> Inspect(IReadOnlyList<ServiceDescriptor> services, PluginManifest manifest)
    {
        var components = new List<ComponentDeclaration>();
        foreach (var descriptor in services)
        {
            if (descriptor.IsKeyedService || PluginKinds.KindOf(descriptor.ServiceType) is not { } kind)
            {
                continue;
            }

            var contract = descriptor.ServiceType;
            var type = descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType()
                ?? throw new PluginRejectedException(PluginStatus.Quarantined,
                    $"it registers a {contract.Name} through a factory; register the component's class (AddSingleton<{contract.Name}, T>()) so the host can list it without creating it");
            if (descriptor.Lifetime == ServiceLifetime.Scoped)
            {
                throw new PluginRejectedException(PluginStatus.Quarantined, $"{type.FullName} is registered as scoped; register components as singletons");
            }

            var attribute = type.GetCustomAttribute<PluginComponentAttribute>(inherit: false);
            if (attribute is null || attribute.Kind != kind)
            {
                throw new PluginRejectedException(PluginStatus.Quarantined,
                    $"{type.FullName} is registered as {contract.Name} but is not marked [{AttributeName(kind)}(\"id\")]");
            }

            if (attribute.Id is null || !PluginManifestReader.IdPattern().IsMatch(attribute.Id))
            {
                throw new PluginRejectedException(PluginStatus.Quarantined,
                    $"{type.FullName} has id '{attribute.Id}'; a component id is 1 to 64 characters of a-z, 0-9 and '-'");
            }

            if (components.Any(c => c.Kind == kind && c.Id == attribute.Id))
            {
                throw new PluginRejectedException(PluginStatus.Quarantined, $"it registers two {kind} components with id '{attribute.Id}'");
            }

            components.Add(new ComponentDeclaration(kind, contract, type, attribute.Id));
        }

        var registered = components.Select(c => c.Kind).Distinct().ToList();
        var undeclared = registered.Except(manifest.Kinds).ToList();
        if (undeclared.Count > 0)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined,
                $"it registers {string.Join(", ", undeclared)} components, which {PluginManifest.FileName} does not declare in 'kinds'");
        }

        var missing = manifest.Kinds.Except(registered).ToList();
        if (missing.Count > 0)
        {
            throw new PluginRejectedException(PluginStatus.Quarantined,
                $"{PluginManifest.FileName} declares {string.Join(", ", missing)} but it registers no such component");
        }

        return components;
    }

    private static string AttributeName(string kind) => kind switch
    {
        PluginKinds.TransportPartner => "TransportPartner",
        PluginKinds.TrainingModule => "TrainingModule",
        PluginKinds.AssessmentInstrument => "AssessmentInstrument",
        PluginKinds.NotificationChannel => "NotificationChannel",
        PluginKinds.DirectorySource => "DirectorySource",
        _ => kind,
    };

    /// <summary>An exception's type and first line, for a reason shown to operators.</summary>
    internal static string Describe(Exception e)
    {
        var message = e.Message;
        var newline = message.IndexOfAny(['\r', '\n']);
        if (newline >= 0)
        {
            message = message[..newline];
        }

        return $"{e.GetType().Name}: {message}";
    }
}
