using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Tenants;

/// <summary>
/// Tenants provisioned while the hosts run: <c>GET|POST /api/v1/tenants</c> (operators) and a tenant's settings,
/// <c>GET|PUT /api/v1/tenants/{tenant}/settings</c> with their changes (operators, and the tenant's own admins).
/// </summary>
internal static class TenantsFeature
{
    public static WebApplicationBuilder AddTenantProvisioning(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TenantProvisioning>();

        // After the storage migrations (hosted services start in the order they were added), before the silo and jobs.
        builder.Services.AddHostedService<TenantSettingsSync>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTenants(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/tenants").WithTags("Tenants")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        tenants.MapGet("/", List)
            .RequireAuthorization(AccessPolicies.Operations)
            .WithName("ListTenants")
            .WithSummary("Every tenant the deployment serves, with the version of its settings and who changed them last (operators).")
            .Produces<TenantListResponse>();
        tenants.MapPost("/", CreateAsync)
            .RequireAuthorization(AccessPolicies.Operations)
            .WithName("CreateTenant")
            .WithSummary("Creates a tenant while the hosts run: served at once by this host and within seconds by the others (operators). "
                + "Its settings are checked by the rules the host applies to configuration at start-up.")
            .Accepts<CreateTenantRequest>("application/json")
            .Produces<TenantSettingsResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        tenants.MapGet("/{tenant}/settings", ReadAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("GetTenantSettings")
            .WithSummary("A tenant's settings and their version (also the ETag): operators, and the tenant's own admins.")
            .Produces<TenantSettingsResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        tenants.MapPut("/{tenant}/settings", ChangeAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ChangeTenantSettings")
            .WithSummary("Replaces a tenant's settings, from the version named in If-Match (the ETag of the last read): taken into use without a restart. "
                + "428 without If-Match, 412 when someone changed them meanwhile.")
            .Accepts<TenantSettingsDocument>("application/json")
            .Produces<TenantSettingsResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        tenants.MapGet("/{tenant}/settings/changes", ChangesAsync)
            .RequireAuthorization(AccessPolicies.Administration)
            .WithName("ListTenantSettingsChanges")
            .WithSummary("Every change of a tenant's settings, newest first: who, when, from where (configuration or the API) and what changed.")
            .Produces<TenantSettingsChangesResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> List(ITenantSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new TenantListResponse([.. (await store.ReadTenantSettingsAsync(cancellationToken)).Select(Summary)]));

    private static async Task<IResult> CreateAsync(HttpContext http, TenantProvisioning provisioning, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateTenantRequest>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (!TenantId.TryParse(body!.Id, out var id))
        {
            return Problems.Field("id", "A tenant id is 2 to 32 characters of a-z, 0-9 and '-'.");
        }

        if (body.Settings is null)
        {
            return Problems.Field("settings", "Required: at least the tenant's displayName.");
        }

        var outcome = await provisioning.SaveAsync(id, body.Settings, expectedVersion: null, http.GetActor(), cancellationToken);
        if (outcome.Problems is { } problems)
        {
            return Problems.Validation(Prefixed(problems));
        }

        if (outcome.Conflict)
        {
            return TypedResults.Problem($"Tenant '{id.Value}' exists already; change its settings with PUT /api/v1/tenants/{id.Value}/settings.",
                statusCode: StatusCodes.Status409Conflict, title: "The tenant exists.");
        }

        SetTag(http, outcome.Saved!.Version);
        return TypedResults.Created($"/api/v1/tenants/{id.Value}/settings", Response(outcome.Saved));
    }

    private static async Task<IResult> ReadAsync(HttpContext http, string tenant, ITenantSettingsStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, tenant, store, cancellationToken) is not { } stored)
        {
            return Unknown(tenant);
        }

        SetTag(http, stored.Version);
        return TypedResults.Ok(Response(stored));
    }

    private static async Task<IResult> ChangeAsync(HttpContext http, string tenant, ITenantSettingsStore store, TenantProvisioning provisioning, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, tenant, store, cancellationToken) is not { } stored)
        {
            return Unknown(tenant);
        }

        if (http.Request.Headers.IfMatch.Count == 0)
        {
            return TypedResults.Problem($"Send If-Match with the ETag of the settings you read (now \"{stored.Version}\"), so that no one's change is overwritten unseen.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.");
        }

        if (!long.TryParse(http.Request.Headers.IfMatch.ToString().Trim().Trim('"'), out var expected) || expected != stored.Version)
        {
            return Stale(stored);
        }

        var (body, problem) = await JsonBody.ReadAsync<TenantSettingsDocument>(http, options.Value.MaxRequestBodyBytes);
        if (problem is not null)
        {
            return problem;
        }

        var outcome = await provisioning.SaveAsync(stored.Tenant, body!, expected, http.GetActor(), cancellationToken);
        if (outcome.Problems is { } problems)
        {
            return Problems.Validation(new Dictionary<string, string[]>(problems));
        }

        if (outcome.Conflict)
        {
            return Stale(outcome.Saved ?? stored);
        }

        SetTag(http, outcome.Saved!.Version);
        return TypedResults.Ok(Response(outcome.Saved));
    }

    private static async Task<IResult> ChangesAsync(HttpContext http, string tenant, ITenantSettingsStore store, CancellationToken cancellationToken)
    {
        if (await FindAsync(http, tenant, store, cancellationToken) is not { } stored)
        {
            return Unknown(tenant);
        }

        var changes = await store.ReadTenantSettingsChangesAsync(stored.Tenant, cancellationToken);
        return TypedResults.Ok(new TenantSettingsChangesResponse(stored.Tenant.Value, [.. changes.Select(c => new TenantSettingsChangeResponse(
            c.Version, c.Source, c.ChangedAt, c.ChangedBy,
            JsonSerializer.Deserialize<List<TenantSettingsDifference>>(c.Changes, TenantSettingsDocument.Json) ?? []))]));
    }

    /// <summary>The tenant's stored settings when the caller may see them: an operator any tenant's, a tenant admin their own; otherwise null, as if it did not exist.</summary>
    private static async Task<StoredTenantSettings?> FindAsync(HttpContext http, string tenant, ITenantSettingsStore store, CancellationToken cancellationToken)
    {
        var caller = http.GetRequiredCaller();
        if (!TenantId.TryParse(tenant, out var id)
            || !(caller.Roles.Contains(AccessRoles.Operator) || (caller.Tenant == id && caller.Roles.Contains(AccessRoles.TenantAdmin))))
        {
            return null;
        }

        return (await store.ReadTenantSettingsAsync(cancellationToken)).FirstOrDefault(t => t.Tenant == id);
    }

    private static IResult Unknown(string tenant) => Problems.NotFound($"No tenant '{TextConverter.Escape(tenant)}' is served here.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Stale(StoredTenantSettings current) =>
        TypedResults.Problem($"The settings changed since they were read: they are at version {current.Version} (by {current.ChangedBy}). Read them again and apply the change to those.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "The settings changed meanwhile.",
            extensions: new Dictionary<string, object?> { ["version"] = current.Version });

    private static void SetTag(HttpContext http, long version) => http.Response.Headers.ETag = $"\"{version}\"";

    private static Dictionary<string, string[]> Prefixed(IReadOnlyDictionary<string, string[]> problems) =>
        problems.ToDictionary(p => p.Key == "$" ? "settings" : "settings." + p.Key, p => p.Value, StringComparer.Ordinal);

    private static TenantSummaryResponse Summary(StoredTenantSettings stored) =>
        new(stored.Tenant.Value, TenantSettingsDocument.Parse(stored.Settings).DisplayName, stored.Version, stored.Source, stored.ChangedAt, stored.ChangedBy);

    private static TenantSettingsResponse Response(StoredTenantSettings stored) =>
        new(stored.Tenant.Value, stored.Version, stored.Source, stored.ChangedAt, stored.ChangedBy, TenantSettingsDocument.Parse(stored.Settings).Masked());
}

/// <summary>A new tenant: its id (2 to 32 characters of a-z, 0-9 and '-') and its settings.</summary>
public sealed record CreateTenantRequest(string? Id, TenantSettingsDocument? Settings);

/// <summary>A tenant's settings, their version (the ETag) and their last change.</summary>
public sealed record TenantSettingsResponse(string Tenant, long Version, string Source, DateTimeOffset ChangedAt, string ChangedBy, TenantSettingsDocument Settings);

public sealed record TenantSummaryResponse(string Id, string DisplayName, long Version, string Source, DateTimeOffset ChangedAt, string ChangedBy);

public sealed record TenantListResponse(IReadOnlyList<TenantSummaryResponse> Tenants);

/// <summary>One change: the version it made, where it came from (configuration or api), when, who, and each field's value before and after (JSON).</summary>
public sealed record TenantSettingsChangeResponse(long Version, string Source, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<TenantSettingsDifference> Differences);

public sealed record TenantSettingsChangesResponse(string Tenant, IReadOnlyList<TenantSettingsChangeResponse> Changes);
