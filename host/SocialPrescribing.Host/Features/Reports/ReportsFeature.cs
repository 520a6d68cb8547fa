using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Application.Projections;
using SocialPrescribing.Documents;
using SocialPrescribing.Documents.Reports;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.Projections;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Reports;

/// <summary><c>GET /api/v1/tenants/{tenant}/reports/outcomes?from=&amp;to=</c>: the program's outcomes over a period, as JSON or HTML.</summary>
internal static class ReportsFeature
{
    /// <summary>The outcomes report's renderer and its templates (<c>Reports:TemplateDirectory</c>).</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddReports(builder.Configuration.GetSection(ReportOptions.SectionName));
        builder.Services.AddScoped<ProgramReports>();
        builder.Services.AddAsyncProjections(builder.Configuration.GetSection("Projections").Bind);
        return builder;
    }

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/reports/outcomes", OutcomesAsync)
            .RequireAuthorization(AccessPolicies.Oversight)
            .WithName("GetOutcomeReport")
            .WithTags("Reports")
            .WithSummary("Per instrument: people with a baseline and a re-measure in the period, mean change, and the share with meaningful improvement; "
                + "and the people first referred to a community program in the period, how many started one (% connected), in all and by link worker. "
                + "Dates are yyyy-mm-dd in the program's calendar; 'to' defaults to today. Ask for text/html (Accept or format=html) for the printable report.")
            .Produces<ProgramOutcomeReport>()
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesValidationProblem();
        tenant.MapGet("/reports/unmet-needs", UnmetNeedsAsync)
            .RequireAuthorization(AccessPolicies.Oversight)
            .WithName("GetUnmetNeedsReport")
            .WithTags("Reports")
            .WithSummary("The needs no program could meet, recorded in the period: by need, by area (a postal code's first three characters) and by both, for commissioners. Counts under 5 are suppressed (null). Dates are yyyy-mm-dd in the program's calendar; 'to' defaults to today.")
            .Produces<UnmetNeedsReport>()
            .ProducesValidationProblem();
        tenant.MapGet("/reports/activity", ActivityAsync)
            .RequireAuthorization(AccessPolicies.Oversight)
            .WithName("GetActivityReport")
            .WithTags("Reports")
            .WithSummary("The program's activity per day: how many of each journey event (referrals received, contacts, assessments, safety alerts, trips…) "
                + "were recorded, and the totals. Counts of events, not people; kept by an asynchronous projection, so the latest second may be missing. "
                + "Dates are yyyy-mm-dd in the program's calendar; 'to' defaults to today and 'from' to 27 days before it; at most 366 days.")
            .Produces<ActivityReport>()
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> UnmetNeedsAsync(HttpContext http, string? from, string? to, CaseloadQueries caseloads, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var validation = new RequestValidation();
        var (first, last) = Period(validation, from, to, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant));
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var digests = await caseloads.CommunityReferralDigestsAsync(tenant.Id, http.RequestAborted);
        return TypedResults.Ok(UnmetNeedsReport.Compute(
            tenant.Id.Value,
            digests.Where(d => d.UnmetNeeds is not null).Select(d => UnmetNeedDigest.Read(d.UnmetNeeds!)),
            first is { } f ? ProgramReports.StartOf(f, tenant) : null,
            ProgramReports.EndOf(last, tenant)));
    }

    private static async Task<IResult> ActivityAsync(HttpContext http, string? from, string? to, ActivityQueries activity, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var validation = new RequestValidation();
        var (first, last) = Period(validation, from, to, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant));
        var start = first ?? last.AddDays(-27);
        if (validation.IsValid && last.DayNumber - start.DayNumber + 1 > ActivityQueries.MaxDays)
        {
            validation.Add("from", $"A period of at most {ActivityQueries.MaxDays} days.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        return TypedResults.Ok(await activity.ForPeriodAsync(tenant.Id, start, last, http.RequestAborted));
    }

    /// <summary>The period a report asks for: from (optional) and to (default today), each yyyy-mm-dd, not reversed.</summary>
    private static (DateOnly? From, DateOnly To) Period(RequestValidation validation, string? from, string? to, DateOnly today)
    {
        DateOnly? first = from is null ? null : validation.Date(from, "from", RequestValidation.LatestDate(today));
        var last = to is null ? today : validation.Date(to, "to", RequestValidation.LatestDate(today));
        if (validation.IsValid && first > last)
        {
            validation.Add("from", "The period starts after it ends.");
        }

        return (first, last);
    }

    private static async Task<IResult> OutcomesAsync(
        HttpContext http, string? from, string? to, string? format, string? lang, ProgramReports reports, ReportRenderer renderer, TimeProvider time)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var validation = new RequestValidation();
        var (first, last) = Period(validation, from, to, BusinessCalendar.LocalDate(time.GetUtcNow(), tenant));

        var html = format switch
        {
            null => http.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase)),
            "html" => true,
            "json" => false,
            _ => Invalid(validation, "format", "'html' or 'json'."),
        };
        var language = lang ?? "en";
        if (html && !DocumentLanguages.IsSupported(language))
        {
            validation.Add("lang", $"One of: {string.Join(", ", DocumentLanguages.All)}.");
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var report = await reports.OutcomesAsync(tenant, first, last, http.RequestAborted);
        return html
            ? TypedResults.Content(renderer.RenderOutcomes(report, language, tenant.DisplayName, tenant.TimeZone), "text/html; charset=utf-8")
            : TypedResults.Ok(report);
    }

    private static bool Invalid(RequestValidation validation, string field, string message)
    {
        validation.Add(field, message);
        return false;
    }
}
