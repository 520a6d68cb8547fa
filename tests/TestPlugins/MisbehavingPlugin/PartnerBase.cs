using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

/// <summary>A partner that turns every trip down.</summary>
public abstract class PartnerBase : ITransportPartner
{
    public Task<TripQuote> QuoteAsync(TripRequest trip, CancellationToken cancellationToken) =>
        Task.FromResult(new TripQuote { Available = false, UnavailableReason = "test" });

    public Task<TripBooking> BookAsync(TripBookingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TripBooking { PartnerReference = "M-1", Status = TripStatus.Declined });

    public Task<TripBooking> CancelAsync(TripCancellationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TripBooking { PartnerReference = request.PartnerReference, Status = TripStatus.Cancelled });

    public Task<TripBooking> GetStatusAsync(string partnerReference, CancellationToken cancellationToken) =>
        Task.FromResult(new TripBooking { PartnerReference = partnerReference, Status = TripStatus.Declined });
}
