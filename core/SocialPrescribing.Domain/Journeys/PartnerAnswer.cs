namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// What a community partner (the provider a referral is addressed to) says of it. Each answer moves the referral's
/// FHIR Task status (<see cref="CommunityReferralStatus"/>) or, for a session attended or missed once the person has
/// started, keeps it and records the session: the answer is the Task's business status.
/// </summary>
public enum PartnerAnswer
{
    /// <summary>The provider will take the person: Task <c>accepted</c>.</summary>
    Accepted,

    /// <summary>The provider will not take the person, for a <see cref="DeclineReason"/>: Task <c>rejected</c>.</summary>
    Declined,

    /// <summary>The provider has no place yet and keeps the person on its waitlist: Task <c>on-hold</c>.</summary>
    Waitlisted,

    /// <summary>The person came to a session: Task <c>in-progress</c> (the first one starts the referral).</summary>
    Attended,

    /// <summary>The person did not come to a session they were expected at; the status stays.</summary>
    DidNotAttend,

    /// <summary>The person finished the program: Task <c>completed</c>.</summary>
    Completed,
}

/// <summary>Why a provider declined a referral.</summary>
public enum DeclineReason
{
    NoCapacity,
    NotEligible,
    OutOfArea,
    CouldNotContact,
    NoLongerInterested,
    Other,
}
