using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.Misbehaving;

public interface IMissingService;

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

[TransportPartner("misbehaving-rides")]
public sealed class MarkedPartner : PartnerBase;

public sealed class UnmarkedPartner : PartnerBase;

[TransportPartner("needs-missing")]
public sealed class NeedsMissingService(IMissingService missing) : PartnerBase
{
    public IMissingService Missing { get; } = missing;
}

[TransportPartner("hangs-on-create")]
public sealed class HangsOnCreate : PartnerBase
{
    public HangsOnCreate() => Thread.Sleep(TimeSpan.FromSeconds(10));
}
