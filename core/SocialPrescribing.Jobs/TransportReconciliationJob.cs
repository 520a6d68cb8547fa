using Microsoft.Extensions.Logging;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Grains.Journeys;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Books again every trip still waiting for its partner's answer whose booking job was lost — with a crashed
/// host, or with in-memory job storage at a restart. Journeys with such trips are found from their caseload
/// rows. Periodically only trips requested longer ago than a whole retry chain takes are picked up, so a chain
/// still running is left alone; booking twice is harmless anyway, the partner sees the trip's idempotency key.
/// </summary>
public sealed partial class TransportReconciliationJob(
    CaseloadQueries caseloads,
    ITenantDirectory tenants,
    ITransportDispatcher dispatcher,
    TimeProvider time,
    ILogger<TransportReconciliationJob> logger)
{
    public const string RecurringJobId = "transport-reconciliation";

    /// <summary>Longer than a whole chain of booking attempts takes.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>Dispatches the bookings of waiting trips (only stale ones unless <paramref name="includeFresh"/>) and returns how many.</summary>
    public async Task<int> RunAsync(bool includeFresh, CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - StaleAfter;
        var dispatched = 0;
        foreach (var tenant in tenants.All)
        {
            var count = 0;
            await foreach (var (journey, state) in caseloads.WalkAsync(Caller.System(tenant.Id), CaseloadQueries.TripsAwaitingPartner, RecordAccess.Processing, cancellationToken))
            {
                foreach (var trip in state.Trips.Where(t => t.Status == TransportTripStatus.Requested && (includeFresh || t.RequestedAt <= cutoff)))
                {
                    dispatcher.Book(tenant.Id, journey.JourneyId, trip.Id);
                    count++;
                }
            }

            dispatched += count;
            LogReconciled(tenant.Id.Value, count);
        }

        return dispatched;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant}: {Count} trip bookings dispatched again by reconciliation")]
    private partial void LogReconciled(string tenant, int count);
}
