namespace SocialPrescribing.Storage;

/// <summary>The read models kept beside the streams, rebuilt from the streams on demand.</summary>
public interface IReadModelStore
{
    /// <summary>
    /// Rebuilds every journey's caseload row from its events, in one transaction: the rows are deleted, then each
    /// stream's events (in version order) go to <paramref name="project"/> and its row is written. Appends wait until
    /// it is done, and a failure leaves the rows as they were.
    /// </summary>
    /// <returns>The number of rows written.</returns>
    Task<int> RebuildCaseloadAsync(Func<IReadOnlyList<StoredEvent>, JourneySummary> project, CancellationToken cancellationToken = default);
}
