using Microsoft.Extensions.Logging;

namespace Contoso.Notify;

public sealed partial class ContosoNotifyChannel
{
    // The alert's id and how many were paged: never their names or addresses.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Tenant {Tenant}: safety alert {AlertId} paged to {Recipients} supervisors through Contoso Notify")]
    private static partial void LogPaged(ILogger logger, string tenant, Guid alertId, int recipients);
}
