using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Host.Api.Responses;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Api;

/// <summary>
/// <c>GET /api/v1/tenants/{tenant}/safety-alerts</c>: every open safety alert of the program, oldest first — the
/// list supervisors work from. Acknowledging is the journey command <c>acknowledge-safety-alert</c>.
/// </summary>
internal static class SafetyAlertEndpoints
{
    private const int PageSize = 100;

    public static RouteGroupBuilder MapSafetyAlertEndpoints(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/safety-alerts", ListOpenAsync)
            .WithName("ListOpenSafetyAlerts")
            .WithTags("Safety")
            .WithSummary("Open safety alerts across the program, oldest first, for supervisors to acknowledge.")
            .Produces<IReadOnlyList<OpenSafetyAlertItem>>();
        return tenant;
    }

    private static async Task<IResult> ListOpenAsync(HttpContext http, IJourneyStore store, IGrainFactory grains)
    {
        var tenant = TenantEndpointFilter.GetTenant(http);
        var alerts = new List<OpenSafetyAlertItem>();
        for (var page = 1; ; page++)
        {
            var journeys = await store.QueryAsync(tenant.Id, new JourneyQuery(null, null, page, PageSize) { OpenSafetyAlertsOnly = true }, http.RequestAborted);
            foreach (var journey in journeys.Items)
            {
                var history = await grains.GetGrain<IJourneyGrain>(journey.JourneyId, tenant.Id.Value).GetHistory();
                var state = JourneyState.Fold(history.Events);
                alerts.AddRange(state.SafetyAlerts.Where(a => a.IsOpen).Select(a => new OpenSafetyAlertItem(
                    journey.JourneyId, journey.Summary.ClientName, state.LinkWorkerId, WireNames.Of(state.Status), SafetyAlertResponse.From(a))));
            }

            if ((long)page * PageSize >= journeys.Total)
            {
                break;
            }
        }

        return TypedResults.Ok(alerts.OrderBy(a => a.Alert.RaisedAt).ToList());
    }
}
