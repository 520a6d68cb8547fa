using SocialPrescribing.Application.Access;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SocialPrescribing.Host.Features.ApiReference;

/// <summary>
/// What the document says of itself: a title and description, who answers for it, and each tag's meaning. It names
/// no host: the same document is served by every deployment, so its one server is the root it is served from. In
/// the schemas of request bodies no field takes null (see <see cref="ContractSchemaTransformer"/>).
/// </summary>
internal sealed class ContractDocumentTransformer(RequestBodyTypes requestBodies) : IOpenApiDocumentTransformer
{
    private const string PurposeParameter = "PurposeOfUse";

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Journeys"] = "Referrals and the journeys they open: the pathway commands, a journey's state and timeline, and caseloads.",
        ["Assessments"] = "Wellbeing instruments: the tenant's catalogue, scoring, and assessments recorded on a journey.",
        ["Documents"] = "Letters and summaries rendered from a journey with the tenant's templates.",
        ["Safety"] = "Safety alerts raised on journeys and not yet acknowledged by a supervisor.",
        ["Reports"] = "Outcome reports over a period, for funders and program leads.",
        ["Transport"] = "Trips with the tenant's transport partners: quotes, bookings and cancellations.",
        ["Training"] = "Link worker training: modules, knowledge checks and the competencies they show.",
        ["Plugins"] = "The plugins installed on this host and those a tenant enables.",
    };

    private const string BearerScheme = "bearer";
    private const string ClientCredentialsScheme = "clientCredentials";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Social Prescribing Framework API",
            Version = "v1",
            Description = "Referrals, client journeys and what link workers record on them, for the tenants (provinces or regions) this " +
                "deployment serves. Every route under `/api/v1/tenants/{tenant}` acts within one tenant. Errors are RFC 9457 problem " +
                "details (`application/problem+json`); a 400 names each field in `errors`. Commands take an optional " +
                "`Idempotency-Key` header. Every operation needs an OAuth 2 access token for the route's tenant " +
                "(`Authorization: Bearer …`): 401 without a valid one, 403 when its roles do not allow the operation, and 404 for " +
                "another tenant's routes. Systems get tokens from `POST /connect/token` with the client credentials grant.",
            Contact = new OpenApiContact { Name = "Social Prescribing Framework contributors" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The deployment serving this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token the host issued (RFC 9068 JWT), for one tenant, carrying the caller's roles.",
        };
        document.Components.SecuritySchemes[ClientCredentialsScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Systems (a clinic's EMR, a partner's system) registered for a tenant get tokens with their client id and secret.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = new Dictionary<string, string> { ["api"] = "Use of the API within the token's tenant and roles." },
                },
            },
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ClientCredentialsScheme, document)] = ["api"] },
        ];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        // Every tenant operation takes the caller's stated purpose of use, described once and referred to.
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        document.Components.Parameters[PurposeParameter] = new OpenApiParameter
        {
            Name = PurposeOfUse.Header,
            In = ParameterLocation.Header,
            Description = "Why the caller deals with the record (HL7 v3 purpose of use), kept with every audit entry of the request; "
                + "a value not listed is a 400.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. PurposeOfUse.All.Keys.Order(StringComparer.Ordinal).Select(k => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(k))],
            },
        };
        foreach (var (path, item) in document.Paths ?? [])
        {
            if (path.StartsWith("/api/v1/tenants/{tenant}", StringComparison.Ordinal) && item is OpenApiPathItem { Operations: { } operations })
            {
                foreach (var operation in operations.Values)
                {
                    (operation.Parameters ??= []).Add(new OpenApiParameterReference(PurposeParameter, document));
                }
            }
        }

        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is OpenApiSchema { Properties: { } properties } && requestBodies.Names.Contains(name))
            {
                foreach (var (property, value) in properties.ToList())
                {
                    properties[property] = ContractSchemaTransformer.NotNull(value);
                }
            }
        }

        return Task.CompletedTask;
    }
}
