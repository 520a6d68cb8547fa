using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// What a person sees when a console page fails: a page in their language that says what happened and what to do,
/// with the reference an operator finds the logged error by; never a JSON problem, never the error itself.
/// </summary>
internal static class ConsoleErrorPage
{
    public static bool Serves(HttpContext http) =>
        http.Request.Path.StartsWithSegments(ConsoleFeature.BasePath, StringComparison.Ordinal) && !http.Response.HasStarted;

    public static async Task WriteAsync(HttpContext http, int status)
    {
        // The handler runs outside the console's language middleware: the request's language is found again.
        var lang = ConsoleLanguage.Resolve(http);
        CultureInfo.CurrentUICulture = ConsoleFeature.Culture(lang);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<ConsoleText>>();
        var kind = status switch
        {
            StatusCodes.Status403Forbidden => "Forbidden",
            StatusCodes.Status502BadGateway => "Partner",
            StatusCodes.Status503ServiceUnavailable => "Unavailable",
            _ => "Unexpected",
        };
        string Encode(string value) => WebUtility.HtmlEncode(value);
        var reference = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(text["ErrorTitle"])}</title>
            <link rel="stylesheet" href="{ConsoleFeature.StylesPath}"></head>
            <body><main id="main">
            <h1>{Encode(text["ErrorTitle"])}</h1>
            <p class="notice alert" role="alert">{Encode(text["Error." + kind])}</p>
            <p>{Encode(text["ErrorReference", reference])}</p>
            <p><a href="{ConsoleFeature.BasePath}">{Encode(text["BackHome"])}</a></p>
            </main></body></html>
            """);
    }
}
