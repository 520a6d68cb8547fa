using System.Text.RegularExpressions;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// Configuration section <c>Storage</c>. The connection string is not part of it: it comes from
/// <c>ConnectionStrings:Postgres</c> and is handed to the registration extension explicitly.
/// </summary>
public sealed partial class PostgresStorageOptions
{
    /// <summary>The schema name used when none is configured.</summary>
    public const string DefaultSchema = "social_prescribing";

    /// <summary>
    /// The schema that holds every table of the store, created by the migrations when missing.
    /// Default <c>social_prescribing</c>. Lower-case letters, digits and underscores, starting with a
    /// letter or underscore, at most 63 characters (PostgreSQL's identifier limit).
    /// </summary>
    public string Schema { get; set; } = DefaultSchema;

    /// <summary>
    /// Whether the store brings its schema up to date on first use. Default <c>true</c>. Turn it off
    /// where the application's database role may not run DDL and migrations are applied separately
    /// (by calling <see cref="PostgresJourneyStore.MigrateAsync"/> with a privileged role).
    /// </summary>
    public bool MigrateOnFirstUse { get; set; } = true;

    /// <summary>
    /// Whether concurrent appends share transactions (group commit). Default <c>true</c>. Each append still
    /// returns only once it is committed and durable; under concurrency, appends from many journeys are written
    /// together in one round trip and one commit instead of one commit each. Turn it off to write every append
    /// as its own single-statement transaction. Audit appends share transactions the same way (one writer, up to
    /// <see cref="GroupCommitMaxBatch"/> entries and <see cref="GroupCommitQueueLimit"/> waiting appends).
    /// </summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// With group commit, how many batches may be in flight at once, each on its own connection. Default
    /// <c>2</c>: while one batch waits for its commit to be flushed the next is already being written.
    /// Between 1 and 64.
    /// </summary>
    public int GroupCommitWriters { get; set; } = 2;

    /// <summary>With group commit, the most appends written in one transaction. Default <c>256</c>; between 1 and 10,000.</summary>
    public int GroupCommitMaxBatch { get; set; } = 256;

    /// <summary>
    /// With group commit, how many appends may wait for a writer. Default <c>4096</c>; between 1 and 1,000,000.
    /// When the queue is full further callers wait for room (backpressure) rather than queue without bound.
    /// </summary>
    public int GroupCommitQueueLimit { get; set; } = 4096;

    /// <summary>True when <paramref name="schema"/> is a schema name this store accepts.</summary>
    public static bool IsValidSchemaName(string? schema) => schema is not null && SchemaPattern().IsMatch(schema);

    /// <summary>The first problem with the group-commit settings, or null when they are usable.</summary>
    public string? GroupCommitProblem() =>
        GroupCommitWriters is < 1 or > 64 ? "Storage:GroupCommitWriters must be between 1 and 64."
        : GroupCommitMaxBatch is < 1 or > 10_000 ? "Storage:GroupCommitMaxBatch must be between 1 and 10000."
        : GroupCommitQueueLimit is < 1 or > 1_000_000 ? "Storage:GroupCommitQueueLimit must be between 1 and 1000000."
        : null;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaPattern();
}
