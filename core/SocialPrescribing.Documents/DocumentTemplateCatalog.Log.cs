using Microsoft.Extensions.Logging;

namespace SocialPrescribing.Documents;

public sealed partial class DocumentTemplateCatalog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information,
        Message = "Loaded {TemplateCount} document templates in {LanguageCount} languages from {TemplateDirectory}")]
    private static partial void LogTemplatesLoaded(ILogger logger, int templateCount, int languageCount, string templateDirectory);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Critical,
        Message = "The document templates in {TemplateDirectory} could not be loaded: {ProblemCount} problem(s)")]
    private static partial void LogTemplatesRejected(ILogger logger, string templateDirectory, int problemCount);
}
