using SocialPrescribing.Application.Audit;
using SocialPrescribing.Application.Access;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Abstractions.Transport;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Application.Journeys;
using SocialPrescribing.Grains.Journeys;
using SocialPrescribing.Plugins;

namespace SocialPrescribing.Jobs;

/// <summary>
/// Books a requested trip with its partner and records the answer on the journey. Every call carries the trip's
/// idempotency key, so however often this runs the partner books the trip once. A partner that fails, hangs or
/// answers "pending" is asked again with growing delays; after <see cref="JobsOptions.TransportBookingAttempts"/> the trip is recorded as
/// failed, so the link worker sees it and can arrange something else. A trip cancelled while its booking was under
/// way is cancelled at the partner as soon as the partner names its booking.
/// </summary>
public sealed partial class TransportBookingJob(
    JourneyUseCases journeys,
    IPluginCatalog plugins,
    IPluginInvoker invoker,
    IBackgroundJobClient jobs,
    IOptions<JobsOptions> options,
    ILogger<TransportBookingJob> logger)
{
    public const string Actor = "system:transport-booking";

    private readonly JobsOptions _options = options.Value;

    public async Task RunAsync(string tenant, Guid journeyId, Guid tripId, int attempt)
    {
        var tenantId = TenantId.Parse(tenant);
        var journey = await journeys.FindStateAsync(Caller.System(tenantId), journeyId, RecordAccess.Processing);
        if (journey?.Trips.Find(t => t.Id == tripId) is not { Status: TransportTripStatus.Requested } trip)
        {
            return;
        }

        if (plugins.Find<ITransportPartner>(tenantId, trip.Partner) is not { } partner)
        {
            await RecordAsync(tenantId, journeyId, trip, null, $"The transport partner '{trip.Partner}' is not available to this program.");
            return;
        }

        TripBooking booking;
        try
        {
            var request = new TripBookingRequest
            {
                IdempotencyKey = TransportTrips.BookingKey(trip.Id),
                Trip = TransportTrips.ToRequest(journey, trip),
                QuoteReference = trip.QuoteReference,
            };
            booking = await invoker.InvokeAsync(
                partner,
                "book",
                (p, ct) => p.BookAsync(request, ct),
                b => string.IsNullOrWhiteSpace(b.PartnerReference) ? "a booking without a partner reference" : null);
        }
        catch (PluginCallException ex)
        {
            LogAttemptFailed(tenant, journeyId, tripId, attempt + 1, PluginStatusNames.Of(ex.Reason));
            await AgainOrFailAsync(tenantId, journeyId, trip, attempt, Backoff(attempt), $"The partner could not be reached ({PluginStatusNames.Of(ex.Reason)}).");
            return;
        }

        switch (booking.Status)
        {
            case TripStatus.Confirmed or TripStatus.InProgress or TripStatus.Completed:
                var recorded = await RecordAsync(tenantId, journeyId, trip, booking, null);
                if (recorded.Kind == CommandOutcomeKind.Unchanged)
                {
                    // Cancelled while the partner was booking: the partner now holds a booking nobody wants.
                    await CancelAtPartnerAsync(partner, trip.Id, booking.PartnerReference);
                }

                break;
            case TripStatus.Requested:
                await AgainOrFailAsync(tenantId, journeyId, trip, attempt, _options.TransportPendingRecheck, "The partner did not confirm the trip in time.");
                break;
            default:
                await RecordAsync(tenantId, journeyId, trip, null, booking.Message ?? $"The partner answered {WireNames.Of(booking.Status)}.");
                break;
        }
    }

    private async Task AgainOrFailAsync(TenantId tenant, Guid journeyId, TransportTrip trip, int attempt, TimeSpan delay, string reason)
    {
        if (attempt + 1 < _options.TransportBookingAttempts)
        {
            jobs.Schedule<TransportBookingJob>(job => job.RunAsync(tenant.Value, journeyId, trip.Id, attempt + 1), delay);
            return;
        }

        await RecordAsync(tenant, journeyId, trip, null, $"{reason} Gave up after {_options.TransportBookingAttempts} attempts.");
    }

    private Task<CommandOutcome> RecordAsync(TenantId tenant, Guid journeyId, TransportTrip trip, TripBooking? booking, string? failure) =>
        journeys.SendAsync(Caller.System(tenant), journeyId, new RecordTransportOutcome(
            trip.Id,
            booking is not null,
            booking?.PartnerReference,
            TransportTrips.ToWindow(booking?.ScheduledPickup),
            TransportTrips.ToWindow(booking?.ScheduledReturnPickup),
            failure)
        {
            CommandId = JourneyIds.TransportOutcome(tenant, journeyId, trip.Id),
            Actor = Actor,
        });

    private Task<TripBooking> CancelAtPartnerAsync(PluginComponent<ITransportPartner> partner, Guid tripId, string partnerReference)
    {
        var request = new TripCancellationRequest
        {
            PartnerReference = partnerReference,
            IdempotencyKey = TransportTrips.CancellationKey(tripId),
            Reason = "Cancelled by the program.",
        };
        return invoker.InvokeAsync(partner, "cancel", (p, ct) => p.CancelAsync(request, ct));
    }

    /// <summary>The retry delay, doubled for each attempt so far, at most 10 minutes.</summary>
    private TimeSpan Backoff(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(600, _options.TransportRetryDelay.TotalSeconds * Math.Pow(2, attempt)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant {Tenant}: booking trip {TripId} of journey {JourneyId} failed on attempt {Attempt} ({Reason})")]
    private partial void LogAttemptFailed(string tenant, Guid journeyId, Guid tripId, int attempt, string reason);
}
