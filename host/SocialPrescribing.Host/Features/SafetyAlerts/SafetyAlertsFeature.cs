using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>
/// <c>GET /api/v1/tenants/{tenant}/safety-alerts</c>: the program's open safety alerts, the longest-waiting first and
/// paged — the list supervisors work from; and the journey command <c>acknowledge-safety-alert</c>, by which one of
/// them acknowledges an alert.
/// </summary>
internal static class SafetyAlertsFeature
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The last page a query may ask for, so that the rows skipped stay within an int.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static RouteGroupBuilder MapSafetyAlerts(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/safety-alerts", ListOpenAsync)
            .RequireAuthorization(AccessPolicies.Supervision)
            .WithName("ListOpenSafetyAlerts")
            .WithTags("Safety")
            .WithSummary("Open safety alerts across the program, the journey whose oldest open alert was raised first at the top, for supervisors to acknowledge; a page counts journeys, each with all its open alerts.")
            .Produces<OpenSafetyAlertsResponse>()
            .ProducesValidationProblem();
        tenant.MapJourneyCommand<AcknowledgeSafetyAlertRequest>("A supervisor acknowledges an open safety alert with a note (supervisors only; 403 otherwise).", AccessPolicies.Supervision);
        return tenant;
    }

    private static async Task<IResult> ListOpenAsync(HttpContext http, CaseloadQueries caseloads,
        [Range(1, MaxPage), DefaultValue("1")] string? page,
        [Range(1, MaxPageSize), DefaultValue("50")] string? pageSize)
    {
        var validation = new RequestValidation();
        var pageNumber = validation.Number(page, "page", 1, 1, MaxPage);
        var size = validation.Number(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var open = await caseloads.OpenSafetyAlertsAsync(http.GetRequiredCaller(), pageNumber, size, http.RequestAborted);
        var items = open.Journeys
            .SelectMany(j => j.Alerts.Select(a => new OpenSafetyAlertItem(
                j.Row.JourneyId, j.Row.Summary.ClientName, j.Row.Summary.LinkWorkerId, j.Row.Summary.Status, SafetyAlertResponse.From(a))))
            .ToList();
        return TypedResults.Ok(new OpenSafetyAlertsResponse(items, pageNumber, size, open.Total));
    }
}
