namespace SocialPrescribing.Domain.Journeys.Transport;

/// <summary>Where a trip booking stands on the journey.</summary>
public enum TransportTripStatus
{
    /// <summary>Asked for; the booking with the partner is under way.</summary>
    Requested,

    /// <summary>The partner confirmed the booking.</summary>
    Confirmed,

    /// <summary>The partner declined, or could not be reached after every retry.</summary>
    Failed,

    /// <summary>Cancelled by the link worker, or because the journey closed.</summary>
    Cancelled,
}
