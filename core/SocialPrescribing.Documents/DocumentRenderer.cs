using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialPrescribing.Documents;

/// <summary>
/// Renders a document: a template from the <see cref="DocumentTemplateCatalog"/>, in one language,
/// over a <see cref="DocumentModel"/>. Rendering is synchronous and sandboxed: loops, recursion and
/// output size are capped, an unknown variable or member is an error rather than blank output, and
/// every value written out is HTML-encoded.
/// </summary>
public sealed class DocumentRenderer
{
    private readonly DocumentTemplateCatalog _catalog;
    private readonly DocumentOptions _options;
    private readonly ILogger<DocumentRenderer> _logger;

    public DocumentRenderer(DocumentTemplateCatalog catalog, IOptions<DocumentOptions> options, ILogger<DocumentRenderer> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Renders a template to a complete HTML document.</summary>
    /// <param name="template">The template's name, like <c>referral-acknowledgement</c>.</param>
    /// <param name="lang">The language, <c>en</c> or <c>fr</c>; the model must have been built for it.</param>
    /// <param name="model">What the document shows, from <see cref="DocumentModelBuilder.Build"/>.</param>
    /// <exception cref="UnknownDocumentTemplateException">No template has that name (HTTP 404).</exception>
    /// <exception cref="UnsupportedDocumentLanguageException">The language is not supported (HTTP 400).</exception>
    /// <exception cref="ArgumentException">The model was built for another language: a caller's bug.</exception>
    /// <exception cref="DocumentRenderException">The template failed: a fault in the template (HTTP 500).</exception>
    public string Render(string template, string lang, DocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parsed = _catalog.Get(template, lang);
        if (!string.Equals(model.Lang, lang, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The model was built for '{model.Lang}', not for '{lang}'.", nameof(model));
        }

        return SandboxedRendering.Render(parsed, template, lang, model, _options.Limits, _logger);
    }
}
