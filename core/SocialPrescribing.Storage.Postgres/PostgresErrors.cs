using Npgsql;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>How the store reads PostgreSQL's errors: which to try again, which mean the database is unavailable.</summary>
internal static class PostgresErrors
{
    /// <summary>Attempts at one atomic statement or batch before a retryable error is reported as unavailable.</summary>
    public const int MaxAttempts = 3;

    /// <summary>The server rolled the work back for a reason of its own timing; the same work may succeed now.</summary>
    public static bool IsRetryable(PostgresException ex) =>
        ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    /// <summary>The database cannot serve requests right now (callers answer 503), as opposed to refusing this request.</summary>
    public static bool IsUnavailable(NpgsqlException ex) => ex switch
    {
        PostgresException pg => pg.IsTransient
            || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.AdminShutdown
                or PostgresErrorCodes.CrashShutdown
                or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.SerializationFailure
                or PostgresErrorCodes.DeadlockDetected
                // After a fail-over the old primary may come back as a read-only standby.
                or PostgresErrorCodes.ReadOnlySqlTransaction,
        // No server error at all: the connection could not be opened, broke, or timed out.
        _ => true,
    };

    /// <summary>
    /// An error caused by the values of one statement (class 22, data exception; class 23, integrity
    /// constraint violation), not by the server or the connection: the same statement would fail again.
    /// </summary>
    public static bool IsStatementFault(PostgresException ex) =>
        ex.SqlState.StartsWith("22", StringComparison.Ordinal) || ex.SqlState.StartsWith("23", StringComparison.Ordinal);

    /// <summary>The exception an append's caller sees for a statement fault.</summary>
    public static Exception ForAppend(PostgresException ex) => ex.SqlState == PostgresErrorCodes.UniqueViolation
        // Only reachable if something wrote events without moving the caseload row; the key still holds.
        ? new StreamVersionConflictException("The stream changed while appending.", ex)
        : ex;
}
