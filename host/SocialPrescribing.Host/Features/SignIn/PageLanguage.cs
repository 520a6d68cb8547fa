using Microsoft.Net.Http.Headers;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// The language of a sign-in page: the one asked for (the <c>lang</c> of a link or form, or the client's
/// <c>ui_locales</c>), else the browser's first supported <c>Accept-Language</c>, else English.
/// </summary>
internal static class PageLanguage
{
    public static string Resolve(string? requested, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var tag in (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Supported(tag) is { } lang)
            {
                return lang;
            }
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is not 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (StringWithQualityHeaderValue language in accepted)
        {
            if (Supported(language.Value.Value) is { } lang)
            {
                return lang;
            }
        }

        return PageText.English.Lang;
    }

    private static string? Supported(string? tag) =>
        tag is null ? null
        : tag.StartsWith(PageText.French.Lang, StringComparison.OrdinalIgnoreCase) ? PageText.French.Lang
        : tag.StartsWith(PageText.English.Lang, StringComparison.OrdinalIgnoreCase) ? PageText.English.Lang
        : null;
}
