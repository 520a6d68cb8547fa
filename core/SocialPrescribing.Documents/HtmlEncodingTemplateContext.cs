using Scriban;
using Scriban.Parsing;

namespace SocialPrescribing.Documents;

/// <summary>
/// A template context that HTML-encodes every value a template writes out. Scriban does not escape
/// on its own, and journey data (names, goals, program names) is typed in by people, so this is the
/// one place that keeps it from becoming markup. The template's own text is written as it is.
/// </summary>
/// <remarks>
/// Because encoding happens on output, a template must not call <c>html.escape</c> itself: the value
/// would be encoded twice.
/// </remarks>
internal sealed class HtmlEncodingTemplateContext : TemplateContext
{
    public override TemplateContext Write(SourceSpan span, object? textAsObject)
    {
        if (textAsObject is null)
        {
            return this;
        }

        var text = ObjectToString(textAsObject);
        return string.IsNullOrEmpty(text) ? this : base.Write(span, HtmlText.Encode(text));
    }
}
