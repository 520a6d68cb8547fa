namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// What the store has written since it was created: a diagnostic for benchmarks, tests and dashboards.
/// With group commit, <see cref="Transactions"/> well below <see cref="Appends"/> shows appends sharing commits.
/// </summary>
/// <param name="Transactions">Transactions committed by appends (each one write-ahead-log flush).</param>
/// <param name="Appends">Appends committed.</param>
/// <param name="Conflicts">Appends refused because their stream was not at the expected version.</param>
/// <param name="LargestBatch">The most appends written in one transaction, conflicts included.</param>
/// <param name="Queued">Appends waiting for a group-commit writer right now; always 0 without group commit.</param>
public sealed record PostgresAppendStatistics(long Transactions, long Appends, long Conflicts, int LargestBatch, int Queued);
