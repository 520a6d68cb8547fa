namespace Contoso.Rides.FakePartner;

/// <summary>How the fake answers an account's calls.</summary>
internal enum FakeBehaviour
{
    /// <summary>Quotes are offered and bookings confirmed.</summary>
    Normal,

    /// <summary>Every call answers 500 with a problem body.</summary>
    Fail,

    /// <summary>Every call waits <see cref="FakePartnerOptions.SlowDelay"/> (or until the caller gives up), then answers normally.</summary>
    Slow,

    /// <summary>Quotes are refused and bookings declined: no accessible vehicle is free.</summary>
    Decline,
}
