using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Http;

/// <summary>What every endpoint shares: problem details for every error, the API's limits, the JSON it writes, and the tenant's routes.</summary>
internal static class HttpApiExtensions
{
    /// <summary>
    /// <see cref="ApiOptions"/> (section <c>Api</c>) with Kestrel's request-line limit above the host's own, problem
    /// details with the exception handler that gives them for failures, and the domain's JSON converters on responses.
    /// </summary>
    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection("Api"));
        // Kestrel answers a request line over its limit itself, with an empty 414; above the host's own limit it
        // leaves the answer to RequestTargetLimit, which gives problem details.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
            kestrel.Limits.MaxRequestLineSize = Math.Max(kestrel.Limits.MaxRequestLineSize, 4 * api.Value.MaxRequestTargetLength));
        builder.AddServerRejections();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            foreach (var converter in JourneyJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        return builder;
    }

    /// <summary>Failures become problem details, Kestrel's own refusals included; an over-long request target is a 414; bare status codes get a body.</summary>
    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseServerRejections();
        app.UseExceptionHandler();
        app.UseMiddleware<RequestTargetLimit>();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// <c>/api/v1/tenants/{tenant}</c>, the group a tenant's routes hang from: <see cref="TenantEndpointFilter"/>
    /// answers a malformed or unknown tenant before any handler runs, and every route says so in the OpenAPI document,
    /// with the <c>tenant</c> path parameter (which no handler binds) and the 503 of a store that cannot be reached.
    /// </summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/api/v1/tenants/{tenant}").AddEndpointFilter<TenantEndpointFilter>();
        tenant.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Insert(0, TenantParameter());
                return Task.CompletedTask;
            });
        return tenant;
    }

    private static OpenApiParameter TenantParameter() => new()
    {
        Name = "tenant",
        In = ParameterLocation.Path,
        Required = true,
        Description = "The tenant (province or region) the request acts within.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z0-9-]{2,32}$" },
    };
}
