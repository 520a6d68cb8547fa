using System.Text.RegularExpressions;

namespace SocialPrescribing.Host.Http;

/// <summary>The headers every command endpoint reads: <c>Idempotency-Key</c> and, until authentication arrives, <c>X-Actor</c>.</summary>
internal static partial class RequestHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string Actor = "X-Actor";
    public const string Replayed = "Idempotent-Replayed";
    public const string AnonymousActor = "anonymous";

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

    public static (string Actor, IResult? Problem) ReadActor(HttpRequest request)
    {
        if (!request.Headers.TryGetValue(Actor, out var values))
        {
            return (AnonymousActor, null);
        }

        var actor = values.Count == 1 ? values[0] : null;
        return actor is not null && ActorPattern().IsMatch(actor)
            ? (actor, null)
            : (AnonymousActor, Problems.Field(Actor, "One value of 1 to 64 letters, digits and . _ @ -."));
    }

    [GeneratedRegex("^[\\x21-\\x7E]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActorPattern();
}
