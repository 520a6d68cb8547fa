namespace SocialPrescribing.Documents;

/// <summary>Documents are not written in the language asked for. The HTTP layer answers 400.</summary>
public sealed class UnsupportedDocumentLanguageException : Exception
{
    public UnsupportedDocumentLanguageException()
        : base(Describe(null))
    {
    }

    public UnsupportedDocumentLanguageException(string? language)
        : base(Describe(language))
    {
        Language = language;
    }

    public UnsupportedDocumentLanguageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The language code that was asked for.</summary>
    public string? Language { get; }

    private static string Describe(string? language) =>
        $"Documents are not available in the language '{language}'; use one of: {string.Join(", ", DocumentLanguages.All)}.";
}
