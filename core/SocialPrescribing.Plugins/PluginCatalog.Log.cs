using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Plugins;

internal sealed partial class PluginCatalog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information,
        Message = "Loaded plugin {PluginId} {PluginVersion} ({Kinds}) from folder {Folder}")]
    private static partial void LogLoaded(ILogger logger, string pluginId, string pluginVersion, string kinds, string folder);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
        Message = "Plugin {PluginId} in folder {Folder} is {Status}: {Reason}")]
    private static partial void LogNotLoaded(ILogger logger, string folder, string pluginId, string status, string reason);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning,
        Message = "Tenant {Tenant} enables plugin {PluginId}, which is not in {Directory}; the tenant goes without it")]
    private static partial void LogEnabledNotFound(ILogger logger, string tenant, string pluginId, string directory);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning,
        Message = "Tenant {Tenant} enables plugin {PluginId}, which is {Status}; the tenant goes without it")]
    private static partial void LogEnabledNotLoaded(ILogger logger, string tenant, string pluginId, string status);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information,
        Message = "Plugin {PluginId} is enabled for tenant {Tenant} with {ComponentCount} component(s)")]
    private static partial void LogEnabled(ILogger logger, string tenant, string pluginId, int componentCount);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Information,
        Message = "Plugins in {Directory}: {Found} found, {Loaded} loaded, {NotLoaded} not loaded")]
    private static partial void LogSummary(ILogger logger, string directory, int found, int loaded, int notLoaded);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information,
        Message = "No plugins folder at {Directory}; running without plugins")]
    private static partial void LogNoFolder(ILogger logger, string directory);

    [LoggerMessage(EventId = 4208, Level = LogLevel.Information,
        Message = "Plugins of tenant {Tenant} changed while running: {PluginCount} enabled, {ComponentCount} component(s)")]
    private static partial void LogReconfigured(ILogger logger, string tenant, int pluginCount, int componentCount);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Critical,
        Message = "Tenant plugin configuration is invalid: {ProblemCount} problem(s)")]
    private static partial void LogConfigurationRejected(ILogger logger, int problemCount);
}
