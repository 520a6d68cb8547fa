using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Plugins;

internal sealed partial class PluginInvoker
{
    [LoggerMessage(EventId = 4220, Level = LogLevel.Warning,
        Message = "Call {Operation} into plugin {PluginId} for tenant {Tenant} failed: {Failure}")]
    private static partial void LogCallFailed(ILogger logger, string pluginId, string tenant, string operation, string failure);

    [LoggerMessage(EventId = 4221, Level = LogLevel.Warning,
        Message = "Plugin {PluginId} threw {FaultType} ({FaultSummary}) in {Operation} for tenant {Tenant}")]
    private static partial void LogFault(ILogger logger, string pluginId, string tenant, string operation, string faultType, string faultSummary);

    [LoggerMessage(EventId = 4222, Level = LogLevel.Warning,
        Message = "Circuit of plugin {PluginId} for tenant {Tenant} opened: calls are refused for {BreakDuration}")]
    private static partial void LogCircuitOpened(ILogger logger, string pluginId, string tenant, TimeSpan breakDuration);

    [LoggerMessage(EventId = 4223, Level = LogLevel.Information,
        Message = "Circuit of plugin {PluginId} for tenant {Tenant} closed: calls go through again")]
    private static partial void LogCircuitClosed(ILogger logger, string pluginId, string tenant);
}
