namespace SocialPrescribing.Storage;

/// <summary>A page of a caseload and the total of its filter.</summary>
public sealed record JourneyPage(IReadOnlyList<JourneyListItem> Items, long Total)
{
    /// <summary>Where this page ends in the newest-referral order (its last journey), for the next page; null when it is empty.</summary>
    public JourneyListPosition? Last => Items.Count == 0 ? null : new JourneyListPosition(Items[^1].Summary.ReferredAt, Items[^1].JourneyId);
}
