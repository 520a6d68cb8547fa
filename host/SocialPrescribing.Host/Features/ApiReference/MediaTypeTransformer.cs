using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>
/// Media types the handlers' declared types cannot describe: a request body sent as a file (<c>application/zip</c>) is
/// bytes, and a response streamed as newline-delimited JSON (<c>application/x-ndjson</c>) is text of one JSON record a
/// line, whatever type the handler declares for its JSON form.
/// </summary>
internal sealed class MediaTypeTransformer : IOpenApiOperationTransformer
{
    public const string Zip = "application/zip";

    public const string Ndjson = "application/x-ndjson";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue(Zip, out var zip) && zip is OpenApiMediaType media)
        {
            media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }

        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content is { } body && body.TryGetValue(Ndjson, out var ndjson) && ndjson is OpenApiMediaType lines)
            {
                lines.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Every record, one JSON document a line, without pages." };
            }
        }

        return Task.CompletedTask;
    }
}
