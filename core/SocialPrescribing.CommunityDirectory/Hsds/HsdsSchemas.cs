using System.Collections.Frozen;
using Json.Schema;

namespace SocialPrescribing.CommunityDirectory.Hsds;

/// <summary>
/// The HSDS 3 JSON Schemas, read from this assembly and built once, each at one base address so that their relative
/// references (<c>"$ref": "phone.json"</c>) find one another.
/// </summary>
public static class HsdsSchemas
{
    /// <summary>Where the schemas are registered; a name, never fetched.</summary>
    public static readonly Uri Base = new("https://hsds.schemas.invalid/3/");

    private const string ResourcePrefix = "hsds/";

    private static readonly Lazy<FrozenDictionary<string, JsonSchema>> Schemas = new(Build);

    /// <summary>The names of the schemas (<c>service</c>, <c>organization</c>, <c>location</c>…).</summary>
    public static IReadOnlyCollection<string> Names => Schemas.Value.Keys;

    /// <summary>The schema of one HSDS object, by its name (the file name without <c>.json</c>).</summary>
    public static JsonSchema Get(string name) =>
        Schemas.Value.TryGetValue(name, out var schema) ? schema : throw new ArgumentException($"No HSDS schema is named {name}.", nameof(name));

    private static FrozenDictionary<string, JsonSchema> Build()
    {
        var assembly = typeof(HsdsSchemas).Assembly;
        // HSDS writes its schemas in draft 2020-12 with keywords of its own (name, core, constraints, example), which that
        // draft allows and the newer default dialect refuses.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var file = resource[ResourcePrefix.Length..];
            var schema = JsonSchema.FromText(reader.ReadToEnd(), options, new Uri(Base, file));
            options.SchemaRegistry.Register(schema);
            schemas[Path.GetFileNameWithoutExtension(file)] = schema;
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
