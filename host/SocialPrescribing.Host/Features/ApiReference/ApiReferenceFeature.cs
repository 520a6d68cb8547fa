using Scalar.AspNetCore;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>The API's description for integrators: <c>GET /openapi/v1.json</c> and its reference page, <c>/scalar/v1</c>.</summary>
internal static class ApiReferenceFeature
{
    /// <summary>The OpenAPI document, built from the endpoints' metadata.</summary>
    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RequestBodyTypes>();
        builder.Services.AddOpenApi(openApi =>
        {
            openApi.AddDocumentTransformer<ContractDocumentTransformer>();
            openApi.AddOperationTransformer<QueryParameterTransformer>();
            openApi.AddOperationTransformer<MediaTypeTransformer>();
            openApi.AddSchemaTransformer<ContractSchemaTransformer>();
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // The contract integrators generate clients from, and its reference page: they describe the API, not anyone's data.
        app.MapOpenApi().AllowAnonymous();
        // The reference of a system holding health data sends nothing elsewhere: no AI chat, no MCP link, no
        // "generate SDK" or "deploy" toolbar, no telemetry, no request proxy; the page's script is served by the host.
        app.MapScalarApiReference(reference =>
        {
            reference.DisableAgent();
            reference.HideDeveloperTools();
            reference.Mcp = new ScalarMcpOptions { Disabled = true };
            reference.Telemetry = false;
            reference.ProxyUrl = null;
        }).AllowAnonymous();
        return app;
    }
}
