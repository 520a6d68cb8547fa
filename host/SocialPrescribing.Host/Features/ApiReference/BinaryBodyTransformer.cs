using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>A request body sent as a file (<c>application/zip</c>) is described as bytes, whatever type its handler declares for its JSON form.</summary>
internal sealed class BinaryBodyTransformer : IOpenApiOperationTransformer
{
    public const string Zip = "application/zip";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue(Zip, out var zip) && zip is OpenApiMediaType media)
        {
            media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        }

        return Task.CompletedTask;
    }
}
