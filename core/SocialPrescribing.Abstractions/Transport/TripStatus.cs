namespace SocialPrescribing.Abstractions.Transport;

/// <summary>Where a booking stands with the partner.</summary>
public enum TripStatus
{
    /// <summary>The partner has the request and has yet to confirm it.</summary>
    Requested,

    /// <summary>The partner will make the trip.</summary>
    Confirmed,

    /// <summary>The partner will not make the trip; <see cref="TripBooking.Message"/> says why.</summary>
    Declined,

    /// <summary>The booking was cancelled, by the program or by the partner.</summary>
    Cancelled,

    /// <summary>The driver is on the way or the person is travelling.</summary>
    InProgress,

    /// <summary>The person was taken to the destination (and back, for a return trip).</summary>
    Completed,

    /// <summary>The driver came and the person was not there.</summary>
    NoShow,
}
