using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Storage;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.Caseloads;

/// <summary><c>GET /api/v1/tenants/{tenant}/journeys</c>: a caseload, read from the index kept beside the streams.</summary>
internal static class CaseloadsFeature
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>The last page a query may ask for, so that the rows skipped stay within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static RouteGroupBuilder MapCaseloads(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/journeys", ListAsync)
            .RequireAuthorization(AccessPolicies.Clinical)
            .WithName("ListJourneys")
            .WithTags("Journeys")
            .WithSummary("A caseload: the tenant's journeys, newest referral first, filtered by status, link worker and open safety alerts (safetyAlert=open). Page with after=next (the position the previous page returned; as fast however deep) or with page (numbered; deep pages cost more). A total of 1,000 or more may have been counted up to 30 seconds before.")
            .Produces<CaseloadResponse>()
            .ProducesValidationProblem();
        return tenant;
    }

    private static async Task<IResult> ListAsync(HttpContext http, CaseloadQueries caseloads,
        [WireEnum<JourneyStatus>(Except = "none")] string? status,
        string? linkWorker,
        [WireValues("open")] string? safetyAlert,
        [Range(1, MaxPage), DefaultValue("1")] string? page,
        [Range(1, MaxPageSize), DefaultValue("25")] string? pageSize,
        [Description("The next of the previous page: the journeys listed after it. Not with page.")] string? after)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var validation = new RequestValidation();
        var statusFilter = status is null ? null : WireNames.Of(validation.Enum<JourneyStatus>(status, "status"));
        if (statusFilter == WireNames.Of(JourneyStatus.None))
        {
            validation.Add("status", "'none' is not a journey status.");
        }

        var worker = linkWorker is null ? null : validation.Identifier(linkWorker, "linkWorker");
        if (safetyAlert is not null and not "open")
        {
            validation.Add("safetyAlert", "Only 'open' is a filter: journeys with a safety alert no supervisor has acknowledged.");
        }

        var pageNumber = validation.Number(page, "page", 1, 1, MaxPage);
        var size = validation.Number(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize);
        JourneyListPosition? position = null;
        if (after is not null)
        {
            position = CaseloadPosition.Parse(after);
            if (position is null)
            {
                validation.Add("after", "Not a position this API gave: pass the next of a caseload page as it came.");
            }
            else if (page is not null)
            {
                validation.Add("page", "Give page or after, not both.");
            }
        }

        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var result = await caseloads.ListAsync(
            http.GetRequiredCaller(),
            new JourneyQuery(statusFilter, worker, pageNumber, size) { OpenSafetyAlertsOnly = safetyAlert is not null, After = position },
            http.RequestAborted);
        return TypedResults.Ok(new CaseloadResponse(
            [.. result.Items.Select(i => new CaseloadItem(
                i.JourneyId,
                i.Summary.Status,
                i.Summary.LinkWorkerId,
                i.Summary.ClientName,
                i.Summary.ReferredAt,
                i.Summary.FirstContactDueAt,
                i.Summary.FirstContactOverdue,
                i.Summary.OpenSafetyAlerts,
                i.Version,
                i.Summary.UpdatedAt))],
            pageNumber,
            size,
            result.Total,
            result.Items.Count == size && result.Last is { } last ? CaseloadPosition.Format(last) : null));
    }
}
