namespace SocialPrescribing.Documents;

/// <summary>No template of that name was loaded. The HTTP layer answers 404.</summary>
public sealed class UnknownDocumentTemplateException : Exception
{
    public UnknownDocumentTemplateException()
        : base("There is no document template of that name.")
    {
    }

    public UnknownDocumentTemplateException(string? template)
        : base($"There is no document template named '{template}'.")
    {
        Template = template;
    }

    public UnknownDocumentTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The name that was asked for.</summary>
    public string? Template { get; }
}
