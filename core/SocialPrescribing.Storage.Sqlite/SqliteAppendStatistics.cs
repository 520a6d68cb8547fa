namespace SocialPrescribing.Storage.Sqlite;

/// <summary>
/// What the store has written since it was created: a diagnostic for benchmarks and tests. With group commit,
/// <see cref="Transactions"/> well below <see cref="Appends"/> shows appends sharing commits (and fsyncs).
/// </summary>
/// <param name="Transactions">Transactions committed by appends (each one fsync).</param>
/// <param name="Appends">Appends committed.</param>
/// <param name="Conflicts">Appends refused because their stream was not at the expected version.</param>
/// <param name="LargestBatch">The most appends written in one transaction, conflicts included.</param>
public sealed record SqliteAppendStatistics(long Transactions, long Appends, long Conflicts, int LargestBatch);
