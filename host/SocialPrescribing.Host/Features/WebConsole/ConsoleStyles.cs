using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace SocialPrescribing.Host.Features.WebConsole;

/// <summary>
/// The console's one style sheet, built into the host (no CDN, no static-file folder to deploy): served with a
/// digest as its entity tag and cached by browsers for a day; pages link it with that digest, so a new version of the
/// host is fetched at once.
/// </summary>
internal sealed class ConsoleStyles
{
    private readonly byte[] _content;

    public ConsoleStyles()
    {
        using var stream = typeof(ConsoleStyles).Assembly.GetManifestResourceStream("SocialPrescribing.Host.Features.WebConsole.console.css")
            ?? throw new InvalidOperationException("The console's style sheet is not built into the host.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _content = copy.ToArray();
        Version = Convert.ToHexStringLower(SHA256.HashData(_content))[..16];
    }

    /// <summary>A digest of the sheet, for links and the entity tag.</summary>
    public string Version { get; }

    public string Href => ConsoleFeature.StylesPath + "?v=" + Version;

    public IResult Serve(HttpContext http)
    {
        var tag = new EntityTagHeaderValue($"\"{Version}\"");
        http.Response.Headers.CacheControl = "public, max-age=86400";
        http.Response.Headers.ETag = tag.ToString();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(tag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(_content, "text/css; charset=utf-8");
    }
}
