namespace SocialPrescribing.Storage;

/// <summary>What every engine checks of a <see cref="JourneyQuery"/> before it runs it.</summary>
public static class JourneyQueries
{
    /// <summary>A position (<see cref="JourneyQuery.After"/>) belongs to the newest-referral order, on the first page.</summary>
    public static void ThrowIfAfterMisused(JourneyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is not null && (query.Page != 1 || query.ByUrgency || query.ByOldestOpenAlert))
        {
            throw new ArgumentException("A position after which to list is given in the newest-referral order only, with page 1.", nameof(query));
        }
    }
}
