using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Access;
using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Cancels at the partner a trip the journey cancelled, when the partner holds a booking for it. The cancellation
/// carries its own idempotency key, and Hangfire retries it until the partner answers.
/// </summary>
public sealed class TransportCancellationJob(JourneyUseCases journeys, IPluginCatalog plugins, IPluginInvoker invoker)
{
    [AutomaticRetry(Attempts = 10)]
    public async Task RunAsync(string tenant, Guid journeyId, Guid tripId)
    {
        var tenantId = TenantId.Parse(tenant);
        var journey = await journeys.FindStateAsync(Caller.System(tenantId), journeyId, RecordAccess.Processing);
        if (journey?.Trips.Find(t => t.Id == tripId) is not { Status: TransportTripStatus.Cancelled, PartnerReference: { } reference } trip
            || plugins.Find<ITransportPartner>(tenantId, trip.Partner) is not { } partner)
        {
            return;
        }

        var request = new TripCancellationRequest
        {
            PartnerReference = reference,
            IdempotencyKey = TransportTrips.CancellationKey(trip.Id),
            Reason = trip.Reason ?? "Cancelled by the program.",
        };
        await invoker.InvokeAsync(partner, "cancel", (p, ct) => p.CancelAsync(request, ct));
    }
}
