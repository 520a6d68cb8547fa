using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>
/// Query parameters that a handler reads as text, described as what they carry: <see cref="WireValuesAttribute"/>
/// makes an enum of wire names, an integer <see cref="RangeAttribute"/> an integer with its bounds, and
/// its <see cref="DefaultValueAttribute"/> (given as text, as the parameter is) the number taken when it is left out.
/// </summary>
internal sealed class QueryParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }
                || operation.Parameters?.FirstOrDefault(p => p.Name == description.Name) is not OpenApiParameter { Schema: OpenApiSchema schema })
            {
                continue;
            }

            Describe(schema, info);
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, ParameterInfo info)
    {
        if (info.GetCustomAttribute<WireValuesAttribute>() is { } values)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        if (info.GetCustomAttribute<RangeAttribute>() is { OperandType: var operand } range && operand == typeof(int))
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = "int32";
            schema.Pattern = null;
            schema.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
            if (info.GetCustomAttribute<DefaultValueAttribute>() is { Value: string text })
            {
                schema.Default = JsonValue.Create(int.Parse(text, CultureInfo.InvariantCulture));
            }
        }
    }
}
