using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Storage.Postgres;

internal sealed partial class PostgresGroupCommitter
{
    // Codes and counts only: the appends carry journey data that may identify a person.
    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL reported {SqlState} for a batch of {Appends} appends on attempt {Attempt}; retrying")]
    private partial void LogRetrying(string sqlState, int attempt, int appends);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL reported {SqlState}; failing a batch of {Appends} appends as unavailable")]
    private partial void LogUnavailable(string sqlState, int appends);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL refused one append of a batch with {SqlState}; writing the other {Others} again")]
    private partial void LogAppendRefused(string sqlState, int others);
}
