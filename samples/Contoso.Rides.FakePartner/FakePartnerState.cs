using System.Globalization;
using Contoso.Rides.FakePartner.Wire;
using Microsoft.Extensions.Options;

namespace Contoso.Rides.FakePartner;

/// <summary>
/// The fake's accounts (one per API key), their behaviour, and the bookings made, in memory. Bookings and
/// cancellations are keyed by (account, idempotency key): a repeated key returns what the first request made.
/// </summary>
internal sealed class FakePartnerState(IOptions<FakePartnerOptions> options)
{
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";

    private readonly Lock _lock = new();
    private readonly FakePartnerOptions _options = options.Value;
    private readonly HashSet<string> _keys = [.. options.Value.AcceptedKeys];
    private readonly Dictionary<string, FakeBehaviour> _behaviours = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FakeBooking> _bookings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Account, string Key), string> _bookedByKey = [];
    private readonly Dictionary<(string Account, string Key), string> _cancelledByKey = [];
    private int _quotes;

    public TimeSpan SlowDelay => _options.SlowDelay;

    /// <summary>Quotes offered so far, every account together.</summary>
    public int QuotesOffered => Volatile.Read(ref _quotes);

    /// <summary>Every booking made, oldest first.</summary>
    public IReadOnlyList<FakeBooking> Bookings
    {
        get
        {
            lock (_lock)
            {
                return [.. _bookings.Values.OrderBy(b => b.Id, StringComparer.Ordinal)];
            }
        }
    }

    public bool Accepts(string? apiKey) => !string.IsNullOrEmpty(apiKey) && _keys.Contains(apiKey);

    public FakeBehaviour BehaviourOf(string account)
    {
        lock (_lock)
        {
            return _behaviours.GetValueOrDefault(account, _options.Behaviour);
        }
    }

    public void SetBehaviour(string account, FakeBehaviour behaviour)
    {
        lock (_lock)
        {
            _behaviours[account] = behaviour;
        }
    }

    public string NextQuoteId() => "Q-" + Interlocked.Increment(ref _quotes).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The booking for (account, key): the existing one, or a new one made from the trip.</summary>
    public (FakeBooking Booking, bool Created) Book(string account, string idempotencyKey, FakeTrip trip, bool decline)
    {
        lock (_lock)
        {
            if (_bookedByKey.TryGetValue((account, idempotencyKey), out var existing))
            {
                return (_bookings[existing], false);
            }

            var id = "CR-" + (_bookings.Count + 1).ToString("D6", CultureInfo.InvariantCulture);
            var booking = new FakeBooking(
                id,
                account,
                idempotencyKey,
                trip.CustomerRef!,
                decline ? Declined : Confirmed,
                trip.PickupWindow!,
                trip.Return?.PickupWindow,
                PriceOf(trip),
                decline ? "No accessible vehicle is free in that window." : "Driver assigned the day before.");
            _bookings[id] = booking;
            _bookedByKey[(account, idempotencyKey)] = id;
            return (booking, true);
        }
    }

    public FakeBooking? Find(string account, string bookingId)
    {
        lock (_lock)
        {
            return _bookings.TryGetValue(bookingId, out var booking) && booking.Account == account ? booking : null;
        }
    }

    /// <summary>Cancels the account's booking; a repeated key or an already cancelled booking changes nothing.</summary>
    public FakeBooking? Cancel(string account, string bookingId, string idempotencyKey, string reason)
    {
        lock (_lock)
        {
            if (_cancelledByKey.TryGetValue((account, idempotencyKey), out var done))
            {
                return _bookings[done];
            }

            if (!_bookings.TryGetValue(bookingId, out var booking) || booking.Account != account)
            {
                return null;
            }

            if (booking.State != Cancelled)
            {
                booking = booking with { State = Cancelled, Note = "Cancelled: " + reason };
                _bookings[bookingId] = booking;
            }

            _cancelledByKey[(account, idempotencyKey)] = bookingId;
            return booking;
        }
    }

    /// <summary>Moves a booking on, as the partner's dispatch would (<c>en-route</c>, <c>completed</c>, <c>no-show</c>).</summary>
    public void Advance(string bookingId, string state)
    {
        lock (_lock)
        {
            _bookings[bookingId] = _bookings[bookingId] with { State = state };
        }
    }

    /// <summary>9.50 a leg, 6.00 more a leg for a vehicle with a ramp or lift; the program pays.</summary>
    public static FakePrice PriceOf(FakeTrip trip)
    {
        var leg = trip.Accessibility?.Wheelchair == "stays-in-chair" ? 15.50m : 9.50m;
        return new FakePrice(trip.Return is null ? leg : leg * 2, "CAD", "program");
    }
}
