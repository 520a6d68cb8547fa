using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Host.Features.Journeys;
using SocialPrescribing.Host.Http;
using SocialPrescribing.Host.Features.Access;

namespace SocialPrescribing.Host.Features.SafetyAlerts;

/// <summary>
/// <c>GET /api/v1/tenants/{tenant}/safety-alerts</c>: every open safety alert of the program, oldest first — the
/// list supervisors work from; and the journey command <c>acknowledge-safety-alert</c>, by which one of them
/// acknowledges an alert.
/// </summary>
internal static class SafetyAlertsFeature
{
    public static RouteGroupBuilder MapSafetyAlerts(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/safety-alerts", ListOpenAsync)
            .RequireAuthorization(AccessPolicies.Supervision)
            .WithName("ListOpenSafetyAlerts")
            .WithTags("Safety")
            .WithSummary("Open safety alerts across the program, oldest first, for supervisors to acknowledge.")
            .Produces<IReadOnlyList<OpenSafetyAlertItem>>();
        tenant.MapJourneyCommand<AcknowledgeSafetyAlertRequest>("A supervisor acknowledges an open safety alert with a note (supervisors only; 403 otherwise).", AccessPolicies.Supervision);
        return tenant;
    }

    private static async Task<IResult> ListOpenAsync(HttpContext http, CaseloadQueries caseloads)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var alerts = new List<OpenSafetyAlertItem>();
        await foreach (var (journey, state) in caseloads.WalkAsync(http.GetRequiredCaller(), CaseloadQueries.OpenSafetyAlerts, RecordAccess.SafetyAlert, http.RequestAborted))
        {
            alerts.AddRange(state.SafetyAlerts.Where(a => a.IsOpen).Select(a => new OpenSafetyAlertItem(
                journey.JourneyId, journey.Summary.ClientName, state.LinkWorkerId, WireNames.Of(state.Status), SafetyAlertResponse.From(a))));
        }

        return TypedResults.Ok(alerts.OrderBy(a => a.Alert.RaisedAt).ToList());
    }
}
