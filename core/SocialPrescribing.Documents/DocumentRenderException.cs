namespace SocialPrescribing.Documents;

/// <summary>
/// A loaded template failed while rendering: it used a variable or member the model does not have,
/// or went past a sandbox limit (loops, recursion, output size). A fault in the template, not in
/// the request, so the HTTP layer answers 500 and the template needs fixing.
/// </summary>
public sealed class DocumentRenderException : Exception
{
    public DocumentRenderException()
        : base("A document template failed to render.")
    {
    }

    public DocumentRenderException(string message)
        : base(message)
    {
    }

    public DocumentRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a template that failed in one language.</summary>
    public DocumentRenderException(string template, string language, Exception innerException)
        : base($"The document template '{template}' ({language}) failed to render: {innerException?.Message}", innerException)
    {
        Template = template;
        Language = language;
    }

    /// <summary>The template that failed.</summary>
    public string? Template { get; }

    /// <summary>The language it was rendered in.</summary>
    public string? Language { get; }
}
