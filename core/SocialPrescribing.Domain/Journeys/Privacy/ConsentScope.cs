namespace SocialPrescribing.Domain.Journeys.Privacy;

/// <summary>A consent the person can withdraw on its own.</summary>
public enum ConsentScope
{
    /// <summary>Sharing with the referrer: withdrawn, it becomes <see cref="Privacy.ReferrerSharing.None"/>.</summary>
    ReferrerSharing,

    /// <summary>Being contacted by the program: withdrawn, the person is not to be contacted.</summary>
    Contact,

    /// <summary>Use of the record for research: withdrawn, it is no longer used.</summary>
    Research,
}
