namespace SocialPrescribing.Documents;

/// <summary>
/// The document templates could not be loaded: the folder is missing, a file is misnamed, a
/// template does not parse or lacks a language. Thrown while the host starts, so that a broken
/// template stops start-up instead of failing a request later.
/// </summary>
public sealed class DocumentTemplateException : Exception
{
    public DocumentTemplateException()
        : base("The document templates could not be loaded.")
    {
    }

    public DocumentTemplateException(string message)
        : base(message)
    {
    }

    public DocumentTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the problems found in one template folder.</summary>
    /// <param name="directory">The folder the templates were read from.</param>
    /// <param name="errors">One line per problem, each starting with the file (and line and column where known).</param>
    public DocumentTemplateException(string directory, IReadOnlyList<string> errors)
        : base(Describe(directory, errors))
    {
        Errors = errors;
    }

    /// <summary>One entry per problem, like <c>/app/templates/documents/plan-summary.fr.html(12,5): error: …</c>.</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    private static string Describe(string directory, IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return $"The document templates in '{directory}' could not be loaded ({errors.Count} problem(s)):"
            + string.Concat(errors.Select(error => Environment.NewLine + "  " + error));
    }
}
