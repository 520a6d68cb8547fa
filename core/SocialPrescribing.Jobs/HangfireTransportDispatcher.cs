using Hangfire;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

internal sealed class HangfireTransportDispatcher(IBackgroundJobClient jobs) : ITransportDispatcher
{
    public void Book(TenantId tenant, Guid journeyId, Guid tripId) =>
        jobs.Enqueue<TransportBookingJob>(job => job.RunAsync(tenant.Value, journeyId, tripId, 0));

    public void CancelAtPartner(TenantId tenant, Guid journeyId, Guid tripId) =>
        jobs.Enqueue<TransportCancellationJob>(job => job.RunAsync(tenant.Value, journeyId, tripId));
}
