namespace SocialPrescribing.Storage;

/// <summary>Filters for a caseload listing; <see cref="Page"/> counts from 1.</summary>
public sealed record JourneyQuery(string? Status, string? LinkWorkerId, int Page, int PageSize)
{
    /// <summary>
    /// The journeys after this one in the newest-referral order (a keyset page): meant with <see cref="Page"/> 1 and
    /// neither <see cref="ByUrgency"/> nor <see cref="ByOldestOpenAlert"/>.
    /// </summary>
    public JourneyListPosition? After { get; init; }

    /// <summary>
    /// The total the caller knows already (counted a moment ago): the store returns it as <see cref="JourneyPage.Total"/>
    /// instead of counting the rows again.
    /// </summary>
    public long? KnownTotal { get; init; }

    /// <summary>Only journeys with at least one safety alert not yet acknowledged.</summary>
    public bool OpenSafetyAlertsOnly { get; init; }

    /// <summary>Only journeys with a trip its partner has not answered yet.</summary>
    public bool TripsAwaitingPartnerOnly { get; init; }

    /// <summary>Only journeys past their first-contact deadline with no contact made.</summary>
    public bool FirstContactOverdueOnly { get; init; }

    /// <summary>Only open journeys (accepted or engaged) with no contact since this instant (counting from the referral when there was none).</summary>
    public DateTimeOffset? NoContactSince { get; init; }

    /// <summary>
    /// The most urgent first instead of the newest referral: an open safety alert, then an overdue first contact, then
    /// journeys under way before closed ones, then the earliest follow-up due, then the longest without contact.
    /// </summary>
    public bool ByUrgency { get; init; }

    /// <summary>
    /// The journey whose open safety alert was raised longest ago first (then by id): the supervisors' list. Meant with
    /// <see cref="OpenSafetyAlertsOnly"/>; rows written before the order was kept come last.
    /// </summary>
    public bool ByOldestOpenAlert { get; init; }
}
