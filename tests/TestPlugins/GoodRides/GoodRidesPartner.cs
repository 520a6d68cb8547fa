using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Abstractions.Plugins;
using SocialPrescribing.Abstractions.Transport;

namespace Sp.TestPlugins.GoodRides;

/// <summary>Answers from its tenant's settings; the first word of the passenger's name asks it to misbehave.</summary>
[TransportPartner("good-rides", DisplayName = "Good Rides")]
public sealed partial class GoodRidesPartner : ITransportPartner
{
    private readonly GoodRidesSettings _settings;
    private readonly PluginTenant _tenant;
    private readonly TimeProvider _time;

    public GoodRidesPartner(IOptions<GoodRidesSettings> settings, PluginTenant tenant, TimeProvider time, ILogger<GoodRidesPartner> logger)
    {
        _settings = settings.Value;
        _tenant = tenant;
        _time = time;
        if (_settings.FailOnCreate)
        {
            throw new InvalidOperationException("Configured to fail on create.");
        }

        LogReady(logger, tenant.Id.Value);
    }

    public async Task<TripQuote> QuoteAsync(TripRequest trip, CancellationToken cancellationToken)
    {
        switch (trip.Passenger.Name.Split(' ')[0])
        {
            case "hang":
                // Ignores the token on purpose: the host must stop waiting by itself.
                await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
                break;
            case "block":
                Thread.Sleep(TimeSpan.FromSeconds(3));
                break;
            case "throw":
                throw new InvalidOperationException($"Cannot drive {trip.Passenger.Name} Tremblay, born 1948-03-14, with PHQ-9 of 22.");
            case "null":
                return null!;
            case "slow":
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                break;
        }

        return new TripQuote
        {
            Available = true,
            QuoteReference = $"{_tenant.Id}:{_settings.ServiceArea}",
            Fare = new TripFare(_settings.BaseFare, "CAD"),
            ExpiresAt = _time.GetUtcNow().AddHours(1),
        };
    }

    /// <summary>Books by the passenger's first name: <c>throw</c> fails, <c>decline</c> is declined, anyone else is confirmed.</summary>
    public async Task<TripBooking> BookAsync(TripBookingRequest request, CancellationToken cancellationToken)
    {
        if (_settings.HangOnBook)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, CancellationToken.None);
        }

        return await Book(request);
    }

    private static Task<TripBooking> Book(TripBookingRequest request)
    {
        return request.Trip.Passenger.Name.Split(' ')[0] switch
        {
            "throw" => throw new InvalidOperationException("The dispatch system is down."),
            "decline" => Task.FromResult(new TripBooking { PartnerReference = "GR-" + request.IdempotencyKey, Status = TripStatus.Declined, Message = "No accessible vehicle that day." }),
            _ => Task.FromResult(new TripBooking
            {
                PartnerReference = "GR-" + request.IdempotencyKey,
                Status = TripStatus.Confirmed,
                ScheduledPickup = new TimeWindow(request.Trip.PickupWindow.Start.AddMinutes(5), request.Trip.PickupWindow.Start.AddMinutes(15)),
            }),
        };
    }

    public Task<TripBooking> CancelAsync(TripCancellationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TripBooking { PartnerReference = request.PartnerReference, Status = TripStatus.Cancelled });

    public Task<TripBooking> GetStatusAsync(string partnerReference, CancellationToken cancellationToken) =>
        Task.FromResult(new TripBooking { PartnerReference = partnerReference, Status = TripStatus.Confirmed });

    [LoggerMessage(Level = LogLevel.Information, Message = "Good Rides ready for tenant {Tenant}")]
    private static partial void LogReady(ILogger logger, string tenant);
}
