using System.Text.RegularExpressions;

namespace SocialPrescribing.Host.Http;

/// <summary>The headers every command endpoint reads: <c>Idempotency-Key</c> (who acts comes from the access token).</summary>
internal static partial class RequestHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";

    /// <summary>The key, null when absent, or a problem when present but malformed.</summary>
    public static (string? Key, IResult? Problem) ReadIdempotencyKey(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(IdempotencyKey, out var values))
        {
            return (null, null);
        }

        var key = values.Count == 1 ? values[0] : null;
        return key is not null && KeyPattern().IsMatch(key)
            ? (key, null)
            : (null, Problems.Field(IdempotencyKey, "One value of 1 to 255 printable ASCII characters."));
    }

    [GeneratedRegex("^[\\x21-\\x7E]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
