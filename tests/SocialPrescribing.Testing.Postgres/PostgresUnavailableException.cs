namespace SocialPrescribing.Testing.Postgres;

/// <summary>
/// No PostgreSQL server can be had on this machine: <c>SP_TEST_POSTGRES</c> is not set and no binaries were
/// found. Tests that need one skip on a developer's machine and fail under CI.
/// </summary>
public sealed class PostgresUnavailableException : Exception
{
    public PostgresUnavailableException()
    {
    }

    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
