using System.Globalization;
using SocialPrescribing.Host.Features.SignIn;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The console's language, English or French: the one a link asks for (<c>?lang=</c>, remembered in a cookie for the
/// pages after it), else the one remembered, else the browser's first supported language, else English. It sets the
/// request's culture, so resources, dates and numbers follow it, and <c>&lt;html lang&gt;</c> names it.
/// </summary>
internal static class ConsoleLanguage
{
    public const string Cookie = "sp.lang";
    public const string Parameter = "lang";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    /// <summary>The language of the page being rendered.</summary>
    public static (string Lang, CultureInfo Culture) Current =>
        (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en", CultureInfo.CurrentCulture);

    /// <summary>The language the request asks for (a link's, the remembered one, the browser's), without remembering it.</summary>
    public static string Resolve(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var asked = http.Request.Query[Parameter].ToString();
        if (Supported.Contains(asked))
        {
            return asked;
        }

        var remembered = http.Request.Cookies[Cookie];
        return remembered is not null && Supported.Contains(remembered) ? remembered : PageLanguage.Resolve(null, http.Request);
    }

    public static async Task ApplyAsync(HttpContext http, RequestDelegate next)
    {
        var lang = Resolve(http);
        if (Supported.Contains(http.Request.Query[Parameter].ToString()))
        {
            http.Response.Cookies.Append(Cookie, lang, new CookieOptions
            {
                Path = "/",
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        var culture = ConsoleFeature.Culture(lang);
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            await next(http);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
            CultureInfo.CurrentUICulture = beforeUi;
        }
    }
}
