using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Storage.Postgres;

public sealed partial class PostgresJourneyStore
{
    // Only codes and schema names are logged: never tenants' journey data, which may identify a person.
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied PostgreSQL schema migration {Version} to schema {Schema}")]
    private partial void LogMigrationApplied(int version, string schema);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL reported {SqlState}; answering unavailable")]
    private partial void LogUnavailable(string sqlState);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL reported {SqlState} on attempt {Attempt}; retrying")]
    private partial void LogRetrying(string sqlState, int attempt);
}
