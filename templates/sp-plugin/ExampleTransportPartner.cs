using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Company.Plugin;

/// <summary>
/// REPLACE THIS STUB: it answers every request itself instead of calling a transport partner. Keep the shape:
/// the attribute (the component's id, unique in a deployment), the contract, and the cancellation token passed
/// on to every call to the partner (the host cancels it when a call runs out of time).
/// </summary>
/// <remarks>
/// The host creates one instance per tenant that enables the plugin and calls it concurrently. For HTTP, take
/// <c>IHttpClientFactory</c> in the constructor (the host supplies it; reference Microsoft.Extensions.Http with
/// ExcludeAssets="runtime"). Trip requests carry a person's name, phone and addresses: never log them.
/// </remarks>
[TransportPartner("company-plugin", DisplayName = "Company.Plugin")]
public sealed partial class ExampleTransportPartner : ITransportPartner
{
    private readonly PluginSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<ExampleTransportPartner> _logger;

    public ExampleTransportPartner(IOptions<PluginSettings> settings, TimeProvider time, ILogger<ExampleTransportPartner> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings.Value;
        _time = time;
        _logger = logger;
    }

    public Task<TripQuote> QuoteAsync(TripRequest trip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trip);

        // REPLACE: ask the partner for a price. A refusal is a result (Available = false), not an exception.
        return Task.FromResult(new TripQuote
        {
            Available = true,
            QuoteReference = $"Q-{trip.TripId:N}",
            Fare = new TripFare(_settings.Fare, "CAD", "program"),
            EstimatedPickup = trip.PickupWindow,
            ExpiresAt = _time.GetUtcNow().AddHours(1),
        });
    }

    public Task<TripBooking> BookAsync(TripBookingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // REPLACE: book with the partner, sending request.IdempotencyKey so that a retry returns the same booking.
        var booking = new TripBooking
        {
            PartnerReference = "BK-" + request.IdempotencyKey,
            Status = TripStatus.Confirmed,
            ScheduledPickup = request.Trip.PickupWindow,
            Fare = new TripFare(_settings.Fare, "CAD", "program"),
            Message = $"Stub booking in {_settings.ServiceArea}.",
        };
        LogBooked(_logger, booking.PartnerReference);
        return Task.FromResult(booking);
    }

    public Task<TripBooking> CancelAsync(TripCancellationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // REPLACE: cancel with the partner; cancelling twice must change nothing.
        return Task.FromResult(new TripBooking { PartnerReference = request.PartnerReference, Status = TripStatus.Cancelled });
    }

    public Task<TripBooking> GetStatusAsync(string partnerReference, CancellationToken cancellationToken) =>
        // REPLACE: read the booking's state from the partner.
        Task.FromResult(new TripBooking { PartnerReference = partnerReference, Status = TripStatus.Confirmed });

    // The partner's reference only: never personal information.
    [LoggerMessage(Level = LogLevel.Information, Message = "Booked trip {PartnerReference}")]
    private static partial void LogBooked(ILogger logger, string partnerReference);
}
