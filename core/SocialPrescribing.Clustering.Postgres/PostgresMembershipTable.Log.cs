using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Clustering.Postgres;

public sealed partial class PostgresMembershipTable
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "PostgreSQL membership table ready for cluster {ClusterId}")]
    private partial void LogInitialized(string clusterId);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Removed {Count} defunct silo entries of cluster {ClusterId}")]
    private partial void LogCleanedUp(int count, string clusterId);
}
