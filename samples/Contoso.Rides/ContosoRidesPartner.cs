using Contoso.Rides.Partner;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Contoso.Rides;

/// <summary>
/// Contoso Rides as a transport partner: each operation is one call to the partner API with the tenant's key.
/// Bookings and cancellations carry the host's idempotency key as the <c>Idempotency-Key</c> header, so a retry
/// after a timeout returns the booking the first attempt made. Stateless, so safe to call concurrently.
/// </summary>
[TransportPartner("contoso-rides", DisplayName = "Contoso Rides")]
public sealed partial class ContosoRidesPartner : ITransportPartner
{
    private readonly ContosoRidesClient _client;
    private readonly string _tenant;
    private readonly ILogger<ContosoRidesPartner> _logger;

    public ContosoRidesPartner(IHttpClientFactory httpClients, IOptions<ContosoRidesSettings> settings, PluginTenant tenant, ILogger<ContosoRidesPartner> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(tenant);
        _client = new ContosoRidesClient(httpClients, settings.Value);
        _tenant = tenant.Id.Value;
        _logger = logger;
    }

    public async Task<TripQuote> QuoteAsync(TripRequest trip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trip);
        var quote = await _client.QuoteAsync(PartnerMapping.ToPartner(trip), cancellationToken);
        return PartnerMapping.ToQuote(quote);
    }

    public async Task<TripBooking> BookAsync(TripBookingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        var answer = await _client.BookAsync(
            request.IdempotencyKey, new PartnerBookingRequest(request.QuoteReference, PartnerMapping.ToPartner(request.Trip)), cancellationToken);
        var booking = PartnerMapping.ToBooking(answer);
        LogBooking(_logger, _tenant, booking.PartnerReference, booking.Status);
        return booking;
    }

    public async Task<TripBooking> CancelAsync(TripCancellationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PartnerReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        var answer = await _client.CancelAsync(request.PartnerReference, request.IdempotencyKey, new PartnerCancellation(request.Reason), cancellationToken);
        var booking = PartnerMapping.ToBooking(answer);
        LogBooking(_logger, _tenant, booking.PartnerReference, booking.Status);
        return booking;
    }

    public async Task<TripBooking> GetStatusAsync(string partnerReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnerReference);
        return PartnerMapping.ToBooking(await _client.GetBookingAsync(partnerReference, cancellationToken));
    }
}
