using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>
/// Schemas as a generated client needs them. Numbers are numbers (the JSON options also read numbers written as
/// text; a client need not know). A text with its own converter is still text. A field marked
/// <see cref="WireValuesAttribute"/> is an enum of its wire names (a list's items are), and a domain enum says it is text. In a request
/// body, a field is required unless its record gives it a default, and never null: the handler reads a missing
/// field and a null alike, and answers a missing required one with a 400 naming it.
/// </summary>
internal sealed class ContractSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        NumbersAreNumbers(schema);
        if (schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (context.JsonPropertyInfo is { } property)
        {
            Property(schema, property);
        }

        if (schema.Properties is { Count: > 0 } && context.ApplicationServices.GetRequiredService<RequestBodyTypes>().Contains(context.JsonTypeInfo.Type))
        {
            RequestBody(schema, context.JsonTypeInfo);
        }

        return Task.CompletedTask;
    }

    private static void NumbersAreNumbers(OpenApiSchema schema)
    {
        if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
    }

    private static void Property(OpenApiSchema schema, JsonPropertyInfo property)
    {
        var underlying = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (underlying == typeof(string) && schema.Type is null && schema.OneOf is null && schema.AllOf is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        if (property.AttributeProvider?.GetCustomAttributes(typeof(WireValuesAttribute), inherit: false) is [WireValuesAttribute values, ..])
        {
            // On a list, the values are its items'.
            var target = schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema items ? items : schema;
            target.Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    private static void RequestBody(OpenApiSchema schema, JsonTypeInfo type)
    {
        schema.Required = new HashSet<string>(
            type.Properties.Where(p => p.AssociatedParameter is { HasDefaultValue: false } || p.IsRequired).Select(p => p.Name),
            StringComparer.Ordinal);
        var properties = schema.Properties!;
        foreach (var (name, property) in properties.ToList())
        {
            properties[name] = NotNull(property);
        }
    }

    /// <summary>The schema without null: a <c>oneOf</c> of null and one schema becomes that schema.</summary>
    public static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema inline)
        {
            return schema;
        }

        if (inline.OneOf is { Count: 2 } oneOf && oneOf.FirstOrDefault(s => s.Type == JsonSchemaType.Null) is { } none)
        {
            return oneOf.Single(s => !ReferenceEquals(s, none));
        }

        if (inline.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            inline.Type = type & ~JsonSchemaType.Null;
        }

        return inline;
    }
}
