namespace SocialPrescribing.Storage;

/// <summary>What every engine checks of the arguments of its snapshot calls before it runs them.</summary>
public static class JourneySnapshots
{
    /// <summary>A tail is read for a named kind, with no negative number of events before its snapshot.</summary>
    public static void ThrowIfInvalidTail(string snapshotKind, int eventsBeforeSnapshot)
    {
        ArgumentException.ThrowIfNullOrEmpty(snapshotKind);
        ArgumentOutOfRangeException.ThrowIfNegative(eventsBeforeSnapshot);
    }

    /// <summary>A snapshot saved is of a named kind and folds at least one event.</summary>
    public static void ThrowIfInvalid(JourneySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrEmpty(snapshot.Kind, nameof(snapshot));
        ArgumentOutOfRangeException.ThrowIfLessThan(snapshot.Version, 1, nameof(snapshot));
    }
}
