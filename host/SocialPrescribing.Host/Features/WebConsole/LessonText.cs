using Markdig;
using Microsoft.AspNetCore.Components;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// A lesson's CommonMark as HTML for the console. Raw HTML in the text is written out as text, never as markup, so a
/// plugin's lesson cannot put its own elements (or scripts) into the page.
/// </summary>
internal static class LessonText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static MarkupString ToHtml(string markdown) => new(Markdown.ToHtml(markdown ?? string.Empty, Pipeline));
}
