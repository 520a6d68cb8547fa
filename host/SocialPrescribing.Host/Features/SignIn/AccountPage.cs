using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// One sign-in page being answered: its language, the values it carries from request to request (return URL, codes),
/// the errors of its fields, and the plain HTML every page shares (layout, forms with an antiforgery token, fields
/// with their labels and errors tied to them).
/// </summary>
internal sealed class AccountPage
{
    private const string Style = """
        body{font:1rem/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#f6f6f4}
        main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border:1px solid #ccc;border-radius:.5rem}
        h1{font-size:1.5rem;margin-top:0}label,legend{display:block;font-weight:600;margin-top:1rem}
        input[type=text],input[type=password]{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #555;border-radius:.25rem}
        input[aria-invalid=true]{border:2px solid #b00020}.error{color:#b00020;margin:.25rem 0}
        .summary{border:2px solid #b00020;padding:.5rem 1rem;margin-bottom:1rem}.notice{border-left:4px solid #0b6e4f;padding-left:.75rem}
        button{margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b4f8a;color:#fff;border:0;border-radius:.25rem}
        :focus-visible{outline:3px solid #f4a100;outline-offset:2px}footer{max-width:28rem;margin:0 auto;padding:0 1.5rem}
        a.button{display:inline-block;margin-top:.5rem;padding:.6rem 1.2rem;border:2px solid #0b4f8a;border-radius:.25rem;color:#0b4f8a;font-weight:600;text-decoration:none}
        code{word-break:break-all}.choice label{display:inline;font-weight:normal;margin-left:.4rem}
        """;

    private readonly Dictionary<string, string?> _state;
    private readonly List<(string Field, string Message)> _errors = [];

    private AccountPage(HttpContext http, PageText text, Dictionary<string, string?> state)
    {
        Http = http;
        Text = text;
        _state = state;
    }

    public HttpContext Http { get; }

    public PageText Text { get; }

    public bool HasErrors => _errors.Count > 0;

    /// <summary>
    /// The page for a GET: <paramref name="carried"/> values from the query. For a POST, see <see cref="ReadFormAsync"/>.
    /// </summary>
    public static AccountPage FromQuery(HttpContext http, params string[] carried) =>
        Create(http, key => http.Request.Query[key].ToString(), carried);

    /// <summary>
    /// The page for a POST, with its form; the form is null when the antiforgery token is missing or wrong (or the body
    /// is not a form), and the page then says the form expired.
    /// </summary>
    public static async Task<(AccountPage Page, IFormCollection? Form)> ReadFormAsync(HttpContext http, params string[] carried)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasFormContentType)
        {
            return (FromQuery(http, carried), null);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var page = Create(http, key => form[key].ToString(), carried);
        var valid = await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        return (page, valid ? form : null);
    }

    public string? this[string key] => _state.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string ReturnTo => ReturnUrl.Safe(this["returnUrl"]);

    public void Error(string field, string message) => _errors.Add((field, message));

    /// <summary>A link to an account page in this page's language, carrying <paramref name="values"/>.</summary>
    public string Link(string path, params (string Key, string? Value)[] values)
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal) { ["lang"] = Text.Lang };
        foreach (var (key, value) in values.Where(v => !string.IsNullOrEmpty(v.Value)))
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(path, query);
    }

    /// <summary>A link on to <paramref name="path"/> carrying the return URL.</summary>
    public string Onward(string path) => Link(path, ("returnUrl", this["returnUrl"]));

    public IResult Show(string title, Html body, int status = StatusCodes.Status200OK)
    {
        var switchQuery = _state.Where(s => !string.IsNullOrEmpty(s.Value)).Select(s => (s.Key, s.Value)).ToArray();
        var other = PageText.For(Text.SwitchLang);
        var switchLink = new AccountPage(Http, other, _state).Link(Http.Request.Path, switchQuery);
        var summary = _errors.Count == 0 ? Html.Empty : Html.Of($"""
            <div class="summary" role="alert" aria-labelledby="error-summary"><h2 id="error-summary">{Text.ErrorSummary}</h2><ul>{Html.Join(_errors.Select(e => Html.Of($"<li><a href=\"#{e.Field}\">{e.Message}</a></li>")))}</ul></div>
            """);
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="{Text.Lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
            <title>{(_errors.Count > 0 ? Text.ErrorSummary + " – " : string.Empty)}{title} – {Text.Product}</title><style>{new Html(Style)}</style></head>
            <body><main><h1>{title}</h1>{summary}{body}</main>
            <footer><p><a href="{switchLink}" lang="{other.Lang}" hreflang="{other.Lang}">{Text.SwitchLanguage}</a></p></footer></body>
            </html>
            """);
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    public IResult Message(string title, string message, int status = StatusCodes.Status200OK, Html more = default) =>
        Show(title, Html.Of($"<p>{message}</p>{more}"), status);

    /// <summary>A form posting to this page: the carried values and the language hidden, an antiforgery token, one submit button.</summary>
    public Html Form(Html fields, string submit, string? action = null)
    {
        var tokens = Http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(Http);
        var hidden = _state.Where(s => !string.IsNullOrEmpty(s.Value)).Append(new("lang", Text.Lang))
            .Select(s => Html.Of($"<input type=\"hidden\" name=\"{s.Key}\" value=\"{s.Value}\">"));
        return Html.Of($"""
            <form method="post" action="{action ?? Http.Request.Path.ToString()}" novalidate>
            <input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">{Html.Join(hidden)}
            {fields}
            <button type="submit">{submit}</button>
            </form>
            """);
    }

    /// <summary>A labelled input; its error (if any) is shown under the label and tied to it with aria-describedby.</summary>
    public Html Field(string name, string label, string type, string autocomplete, string? value = null, string? hint = null, string? inputMode = null)
    {
        var error = _errors.FirstOrDefault(e => e.Field == name).Message;
        var describedBy = string.Join(' ', new[] { hint is null ? null : name + "-hint", error is null ? null : name + "-error" }.OfType<string>());
        return Html.Of($"""
            <label for="{name}">{label}</label>{(hint is null ? Html.Empty : Html.Of($"<p id=\"{name}-hint\">{hint}</p>"))}{(error is null ? Html.Empty : Html.Of($"<p id=\"{name}-error\" class=\"error\">{error}</p>"))}
            <input id="{name}" name="{name}" type="{type}" autocomplete="{autocomplete}"{(inputMode is null ? Html.Empty : Html.Of($" inputmode=\"{inputMode}\""))}{(value is null ? Html.Empty : Html.Of($" value=\"{value}\""))}{(error is null ? Html.Empty : Html.Of($" aria-invalid=\"true\""))}{(describedBy.Length == 0 ? Html.Empty : Html.Of($" aria-describedby=\"{describedBy}\""))} required>
            """);
    }

    /// <summary>Marks each named field that is empty in <paramref name="form"/> as required; true when all are filled.</summary>
    public bool Require(IFormCollection form, params string[] fields)
    {
        foreach (var field in fields.Where(f => string.IsNullOrWhiteSpace(form[f])))
        {
            Error(field, Text.Required);
        }

        return !HasErrors;
    }

    private static AccountPage Create(HttpContext http, Func<string, string> read, string[] carried)
    {
        var state = carried.ToDictionary(key => key, key => (string?)read(key), StringComparer.Ordinal);
        // A page's own lang (a link or form) first; at the authorization endpoint, the client's ui_locales.
        var asked = read("lang") is { Length: > 0 } lang ? lang : read("ui_locales");
        var language = PageLanguage.Resolve(asked is { Length: > 0 } ? asked : null, http.Request);
        return new AccountPage(http, PageText.For(language), state);
    }
}
