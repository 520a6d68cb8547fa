using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SocialPrescribing.CommunityDirectory.Hsds;

/// <summary>
/// The HSDS 3 JSON Schemas, read from this assembly and built once, each at one base address so that their relative
/// references (<c>"$ref": "phone.json"</c>) find one another; and what they say of the tabular package (each object's
/// CSV file and the types of its scalar fields).
/// </summary>
public static partial class HsdsSchemas
{
    /// <summary>Where the schemas are registered; a name, never fetched.</summary>
    public static readonly Uri Base = new("https://hsds.schemas.invalid/3/");

    private const string ResourcePrefix = "hsds/";

    private static readonly Lazy<FrozenDictionary<string, Entry>> Schemas = new(Build);

    /// <summary>The names of the schemas (<c>service</c>, <c>organization</c>, <c>location</c>…), in ordinal order.</summary>
    public static IReadOnlyList<string> Names => [.. Schemas.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The schema of one HSDS object, by its name (the file name without <c>.json</c>).</summary>
    public static JsonSchema Get(string name) => Find(name).Schema;

    /// <summary>The object's table in the tabular package (<c>services.csv</c>), when it has one.</summary>
    public static string? TableOf(string name) => Find(name).Table;

    /// <summary>The object's fields whose type is not text: field name to <c>number</c>, <c>integer</c> or <c>boolean</c>.</summary>
    public static IReadOnlyDictionary<string, string> ScalarTypesOf(string name) => Find(name).ScalarTypes;

    /// <summary>
    /// What is wrong with <paramref name="record"/> as the HSDS object <paramref name="name"/> (formats checked too):
    /// each fault's field as a JSON Pointer into the record, and the reason; empty when it is valid.
    /// </summary>
    public static IReadOnlyList<(string Field, string Reason)> Check(string name, JsonElement record) => Problems(Get(name).Evaluate(record, Evaluation));

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Every failed check that says something (not the "a subschema failed" wrappers), once each, in document order.</summary>
    private static List<(string Field, string Reason)> Problems(EvaluationResults results)
    {
        var problems = new List<(string, string)>();
        if (results.IsValid)
        {
            return problems;
        }

        foreach (var detail in (IEnumerable<EvaluationResults>?)results.Details ?? [results])
        {
            if (detail.Errors is null)
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var field = detail.InstanceLocation.ToString();
                if (keyword == "required")
                {
                    // The check fails on the object; the field at fault is the property missing from it.
                    foreach (Match missing in QuotedName().Matches(message))
                    {
                        problems.Add(($"{field}/{missing.Groups[1].Value}", "Required, and missing."));
                    }

                    continue;
                }

                problems.Add((field, message));
            }
        }

        return [.. problems.Distinct().OrderBy(p => p.Item1, StringComparer.Ordinal)];
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    private static Entry Find(string name) =>
        Schemas.Value.TryGetValue(name, out var entry) ? entry : throw new ArgumentException($"No HSDS schema is named {name}.", nameof(name));

    private static FrozenDictionary<string, Entry> Build()
    {
        var assembly = typeof(HsdsSchemas).Assembly;
        // HSDS writes its schemas in draft 2020-12 with keywords of its own (name, core, constraints, example), which that
        // draft allows and the newer default dialect refuses.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var schemas = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var file = resource[ResourcePrefix.Length..];
            var schema = JsonSchema.FromText(text, options, new Uri(Base, file));
            options.SchemaRegistry.Register(schema);
            using var document = JsonDocument.Parse(text);
            schemas[Path.GetFileNameWithoutExtension(file)] = new Entry(schema, TableOf(document.RootElement), ScalarTypesOf(document.RootElement));
        }

        return schemas.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string? TableOf(JsonElement schema) =>
        schema.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString() : null;

    private static FrozenDictionary<string, string> ScalarTypesOf(JsonElement schema)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (property.Value.TryGetProperty("type", out var type) && type.GetString() is "number" or "integer" or "boolean")
                {
                    types[property.Name] = type.GetString()!;
                }
            }
        }

        return types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Entry(JsonSchema Schema, string? Table, FrozenDictionary<string, string> ScalarTypes);
}
