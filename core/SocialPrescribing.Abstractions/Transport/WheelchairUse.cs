namespace SocialPrescribing.Abstractions.Transport;

/// <summary>Whether the person travels with a wheelchair, and whether they can leave it for a seat.</summary>
public enum WheelchairUse
{
    /// <summary>No wheelchair.</summary>
    None,

    /// <summary>The person brings a wheelchair that folds into the vehicle, and transfers to a seat.</summary>
    Transfers,

    /// <summary>The person stays in the wheelchair: the vehicle needs a ramp or lift and tie-downs.</summary>
    StaysInChair,
}
