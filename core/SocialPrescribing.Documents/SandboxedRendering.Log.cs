using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Documents;

internal static partial class SandboxedRendering
{
    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug,
        Message = "Rendered document {Template} ({Lang}): {Length} characters")]
    private static partial void LogRendered(ILogger logger, string template, string lang, int length);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Error,
        Message = "Document template {Template} ({Lang}) failed to render at line {Line}, column {Column}")]
    private static partial void LogRenderFailed(ILogger logger, string template, string lang, int line, int column);
}
