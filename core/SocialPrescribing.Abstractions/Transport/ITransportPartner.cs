namespace SocialPrescribing.Abstractions.Transport;

/// <summary>
/// A transport provider that takes a person to and from a community program: community rides, accessible
/// transit, volunteer drivers. The host quotes and books through it, and follows the booking by its partner
/// reference.
/// </summary>
/// <remarks>
/// <para>
/// Mark the class with <see cref="TransportPartnerAttribute"/> and register it as
/// <c>services.AddSingleton&lt;ITransportPartner, MyPartner&gt;()</c>. The host creates one instance per tenant
/// that enables the plugin and calls it concurrently, so an implementation must be thread-safe.
/// </para>
/// <para>
/// The host calls every method under a timeout and a circuit breaker, passing a token that is cancelled when the
/// call times out: pass it on to every I/O call. An exception is contained and reported to the link worker as a
/// failed call; report an ordinary refusal (no vehicle free, outside the service area) as a result instead:
/// <see cref="TripQuote.Available"/> false, or <see cref="TripStatus.Declined"/>.
/// </para>
/// <para>
/// The host retries bookings and cancellations with the same <c>IdempotencyKey</c> until it has an answer.
/// A partner must treat a repeated key as the same request: return the booking the first request made, and
/// never book or cancel twice. Requests carry what the driver needs (name, phone, addresses, mobility needs);
/// never log them, and send them only to the partner.
/// </para>
/// </remarks>
public interface ITransportPartner
{
    /// <summary>Asks whether, and for how much, the partner can make a trip. Books nothing.</summary>
    /// <param name="trip">The trip wanted.</param>
    /// <param name="cancellationToken">Cancelled when the host stops waiting.</param>
    /// <returns>The partner's offer, or a refusal with its reason.</returns>
    Task<TripQuote> QuoteAsync(TripRequest trip, CancellationToken cancellationToken);

    /// <summary>Books a trip (and its return, when the trip has one).</summary>
    /// <param name="request">The trip, the quote it follows if any, and the idempotency key.</param>
    /// <param name="cancellationToken">Cancelled when the host stops waiting.</param>
    /// <returns>
    /// The booking with the partner's reference: <see cref="TripStatus.Requested"/> while the partner has yet to
    /// confirm, <see cref="TripStatus.Confirmed"/> or <see cref="TripStatus.Declined"/> once it has.
    /// </returns>
    Task<TripBooking> BookAsync(TripBookingRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels a booking. Cancelling a booking that is already cancelled returns it unchanged.</summary>
    /// <param name="request">The partner reference, the reason and the idempotency key.</param>
    /// <param name="cancellationToken">Cancelled when the host stops waiting.</param>
    /// <returns>The booking, normally in <see cref="TripStatus.Cancelled"/>.</returns>
    Task<TripBooking> CancelAsync(TripCancellationRequest request, CancellationToken cancellationToken);

    /// <summary>Reads a booking's current state from the partner.</summary>
    /// <param name="partnerReference">The <see cref="TripBooking.PartnerReference"/> the booking returned.</param>
    /// <param name="cancellationToken">Cancelled when the host stops waiting.</param>
    /// <returns>The booking as the partner has it now.</returns>
    Task<TripBooking> GetStatusAsync(string partnerReference, CancellationToken cancellationToken);
}
