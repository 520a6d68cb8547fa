using SocialPrescribing.Application.Access;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using SocialPrescribing.Accounts;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Documents;
using SocialPrescribing.Host.Features.Access;
using SocialPrescribing.Host.Features.SignIn;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Features.Audit;

/// <summary>
/// The audit log for a tenant's privacy officers: <c>GET …/audit</c> (search), <c>…/audit/verification</c> (walk the
/// hash chain), <c>…/audit/fhir</c> (FHIR R4 AuditEvent export) and <c>…/journeys/{id}/access-report</c> (who dealt
/// with one person's record, as JSON or printable HTML). Each read of the log is itself audited.
/// </summary>
internal static class AuditFeature
{
    public const int DefaultPageSize = 100;
    public const int MaxPage = 1_000_000;

    /// <summary>
    /// How accesses reach the log (<c>Audit</c> settings), and sign-ins recorded in it: registered before the sign-in
    /// feature, whose logging default it wraps.
    /// </summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection("Audit"));
        builder.Services.Configure<EmergencyAccessOptions>(builder.Configuration.GetSection("Access:EmergencyAccess"));
        builder.Services.AddSingleton<LoggingSignInEvents>();
        builder.Services.AddSingleton<ISignInEvents, AuditedSignInEvents>();
        return builder;
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/audit", SearchAsync)
            .RequireAuthorization(AccessPolicies.Privacy)
            .WithName("SearchAuditLog")
            .WithTags("Audit")
            .WithSummary("Audit entries, oldest first, filtered by journey, user, time (from inclusive, to exclusive), category, outcome, and breakGlass=true for emergency accesses only (privacy officers).")
            .Produces<AuditLogResponse>()
            .ProducesValidationProblem();
        tenant.MapGet("/audit/verification", VerifyAsync)
            .RequireAuthorization(AccessPolicies.Privacy)
            .WithName("VerifyAuditLog")
            .WithTags("Audit")
            .WithSummary("Walks the tenant's audit chain and says whether any entry was changed, removed or reordered, and where (privacy officers).")
            .Produces<AuditVerificationResponse>();
        tenant.MapGet("/audit/fhir", ExportAsync)
            .RequireAuthorization(AccessPolicies.Privacy)
            .WithName("ExportAuditEvents")
            .WithTags("Audit")
            .WithSummary("Audit entries as a FHIR R4 Bundle of AuditEvent resources (IHE Basic Audit Log Patterns), with the same filters as the search (privacy officers).")
            .Produces<string>(StatusCodes.Status200OK, AuditEventExport.ContentType)
            .ProducesValidationProblem();
        tenant.MapGet("/journeys/{journeyId:guid}/access-report", AccessReportAsync)
            .RequireAuthorization(AccessPolicies.Privacy)
            .WithName("GetAccessReport")
            .WithTags("Audit")
            .WithSummary("Who dealt with this person's record: every access gathered by who, what and outcome, as JSON or printable HTML (format=html) in English or French (privacy officers).")
            .Produces<AccessReportResponse>()
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http,
        AuditQueries audit,
        string? journeyId,
        string? user,
        string? from,
        string? to,
        string? category,
        [WireValues(AuditEntry.Allowed, AuditEntry.Denied)] string? outcome,
        [WireValues("true", "false")] string? breakGlass,
        [Range(1, MaxPage), DefaultValue("1")] string? page,
        [Range(1, AuditQuery.MaxPageSize), DefaultValue("100")] string? pageSize)
    {
        var (query, problem) = Filters(journeyId, user, from, to, category, outcome, breakGlass, page, pageSize);
        if (query is null)
        {
            return problem!;
        }

        var result = await audit.SearchAsync(http.GetRequiredCaller(), query, cancellationToken: http.RequestAborted);
        return TypedResults.Ok(new AuditLogResponse([.. result.Items.Select(AuditEntryResponse.From)], query.Page, query.PageSize, result.Total));
    }

    private static async Task<IResult> VerifyAsync(HttpContext http, AuditQueries audit) =>
        TypedResults.Ok(AuditVerificationResponse.From(await audit.VerifyAsync(http.GetRequiredCaller(), http.RequestAborted)));

    private static async Task<IResult> ExportAsync(
        HttpContext http,
        AuditQueries audit,
        string? journeyId,
        string? user,
        string? from,
        string? to,
        string? category,
        [WireValues(AuditEntry.Allowed, AuditEntry.Denied)] string? outcome,
        [WireValues("true", "false")] string? breakGlass,
        [Range(1, MaxPage), DefaultValue("1")] string? page,
        [Range(1, AuditQuery.MaxPageSize), DefaultValue("100")] string? pageSize)
    {
        var (query, problem) = Filters(journeyId, user, from, to, category, outcome, breakGlass, page, pageSize);
        if (query is null)
        {
            return problem!;
        }

        var tenant = TenantEndpointFilter.GetTenant(http);
        var result = await audit.SearchAsync(http.GetRequiredCaller(), query, RecordAccess.AuditExport, http.RequestAborted);
        var request = http.Request;
        string PageUrl(int number)
        {
            var link = new QueryBuilder(request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? string.Empty))))
            {
                { "page", number.ToString(CultureInfo.InvariantCulture) },
            };
            return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{link.ToQueryString()}";
        }

        var bundle = AuditEventExport.Bundle(tenant.Id, result, query, PageUrl);
        return TypedResults.Content(bundle.ToJsonString(), AuditEventExport.ContentType);
    }

    private static async Task<IResult> AccessReportAsync(
        HttpContext http,
        Guid journeyId,
        AuditQueries audit,
        UserDirectory users,
        TimeProvider time,
        string? from,
        string? to,
        [WireValues("json", "html")] string? format,
        [WireValues(DocumentLanguages.English, DocumentLanguages.French)] string? lang)
    {
        var validation = new RequestValidation();
        var start = validation.Timestamp(from, "from");
        var end = validation.Timestamp(to, "to");
        if (format is not (null or "json" or "html"))
        {
            validation.Add("format", "'json' (the default) or 'html', a page to print.");
        }

        if (lang is not null && !DocumentLanguages.IsSupported(lang))
        {
            validation.Add("lang", $"One of: {string.Join(", ", DocumentLanguages.All)}.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var tenant = TenantEndpointFilter.GetTenant(http);
        var caller = http.GetRequiredCaller();
        var names = (await users.ListAsync(tenant.Id, http.RequestAborted)).ToDictionary(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal);
        var report = await AccessReport.BuildAsync(journeyId, start, end, time.GetUtcNow(), audit.AboutAsync(caller, journeyId, start, end, http.RequestAborted), names);
        return format == "html"
            ? TypedResults.Content(AccessReportPage.Render(report, tenant, lang ?? DocumentLanguages.English), "text/html; charset=utf-8")
            : TypedResults.Ok(report);
    }

    /// <summary>The search filters as a query, or the problem with the fields at fault.</summary>
    private static (AuditQuery? Query, IResult? Problem) Filters(
        string? journeyId, string? user, string? from, string? to, string? category, string? outcome, string? breakGlass, string? page, string? pageSize)
    {
        var validation = new RequestValidation();
        var journey = validation.OptionalId(journeyId, "journeyId");
        var actor = user is null ? null : validation.Required(user, "user", AuditEntry.MaxActorLength);
        var start = validation.Timestamp(from, "from");
        var end = validation.Timestamp(to, "to");
        if (start is { } s && end is { } e && e <= s)
        {
            validation.Add("to", "Later than from (to is exclusive).");
        }

        if (category is not null && (category.Length > AuditEntry.MaxNameLength || !category.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')))
        {
            validation.Add("category", "A category name: lower-case letters, digits and '-', such as journey, caseload or assessment.");
        }

        if (outcome is not (null or AuditEntry.Allowed or AuditEntry.Denied))
        {
            validation.Add("outcome", $"'{AuditEntry.Allowed}' or '{AuditEntry.Denied}'.");
        }

        var pageNumber = validation.Number(page, "page", 1, 1, MaxPage);
        var size = validation.Number(pageSize, "pageSize", DefaultPageSize, 1, AuditQuery.MaxPageSize);
        if (breakGlass is not (null or "true" or "false"))
        {
            validation.Add("breakGlass", "'true' (only accesses made in an emergency) or 'false'.");
        }

        if (!validation.IsValid)
        {
            return (null, Problems.Validation(validation.Errors));
        }

        return (new AuditQuery { JourneyId = journey, Actor = actor, From = start, To = end, Category = category, Outcome = outcome, EmergencyOnly = breakGlass == "true", Page = pageNumber, PageSize = size }, null);
    }
}
