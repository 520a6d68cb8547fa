using Microsoft.Extensions.Logging;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace SocialPrescribing.Documents;

/// <summary>
/// The one render path documents and reports share: a parsed template over a model, synchronous
/// and sandboxed. Loops, recursion and output size are capped, an unknown variable or member is an
/// error rather than blank output, every value written out is HTML-encoded, and there is no
/// template loader, so a template cannot include files.
/// </summary>
internal static partial class SandboxedRendering
{
    /// <summary>Renders <paramref name="parsed"/> with the model's properties as snake_case globals.</summary>
    /// <param name="parsed">The template, from a <see cref="DocumentTemplateCatalog"/>.</param>
    /// <param name="template">Its name, for the log and the exception.</param>
    /// <param name="lang">The language; dates and numbers the template formats itself use its culture.</param>
    /// <param name="model">What the template may show.</param>
    /// <param name="limits">How far the render may go.</param>
    /// <param name="logger">The caller's logger, so each kind of render logs under its own category.</param>
    /// <exception cref="DocumentRenderException">The template failed: a fault in the template.</exception>
    public static string Render(Template parsed, string template, string lang, object model, SandboxLimits limits, ILogger logger)
    {
        var context = CreateContext(lang, limits);
        var globals = new ScriptObject();
        globals.Import(model);
        context.PushGlobal(globals);
        try
        {
            var html = parsed.Render(context);
            LogRendered(logger, template, lang, html.Length);
            return html;
        }
        catch (ScriptRuntimeException e)
        {
            // The span locates the fault in the template; the message is not logged, as it may quote data.
            LogRenderFailed(logger, template, lang, e.Span.Start.Line + 1, e.Span.Start.Column + 1);
            throw new DocumentRenderException(template, lang, e);
        }
    }

    private static HtmlEncodingTemplateContext CreateContext(string lang, SandboxLimits limits)
    {
        var context = new HtmlEncodingTemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            OutputLimit = limits.OutputLimit,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            LimitToString = limits.OutputLimit,
            RegexTimeOut = TimeSpan.FromSeconds(1),
            // No TemplateLoader: a template cannot include files from disk.
        };
        context.PushCulture(DocumentLanguages.CultureOf(lang));
        return context;
    }
}
