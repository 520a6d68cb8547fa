namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// A fragment of HTML. The only way to make one is an interpolated string (<c>Html.Of($"&lt;p&gt;{text}&lt;/p&gt;")</c>):
/// its literal parts are markup, and every value put into it is HTML-encoded unless it is itself <see cref="Html"/>.
/// So a page cannot carry a user's input unencoded by forgetting to encode it.
/// </summary>
internal readonly struct Html
{
    private readonly string? _markup;

    internal Html(string markup) => _markup = markup;

    public static Html Empty => default;

    public static Html Of(HtmlBuilder builder) => builder.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.ToString())));

    public override string ToString() => _markup ?? string.Empty;
}
