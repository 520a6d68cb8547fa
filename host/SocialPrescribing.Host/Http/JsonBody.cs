using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// Reads a JSON request body by hand rather than through parameter binding, so that every way a body
/// can be wrong gets its own clear problem: 415 for another media type, 413 past the size limit, 400
/// with the JSON path of a syntax error, a wrongly typed value (a number sent as a string included), an
/// unknown or repeated field, or text that breaks <see cref="TextConverter"/>'s rule.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, int maxBytes)
        where T : class
    {
        var (buffer, problem) = await ReadBytesAsync(http, maxBytes);
        if (buffer is null)
        {
            return (null, problem);
        }

        using var owned = buffer;
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? (null, Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            // The message of a JsonException can quote the offending value; only the path is echoed back,
            // with any character the text rule refuses (a key can carry one) escaped.
            var field = ex.Path is null or "$" ? "$" : TextConverter.Escape(ex.Path.TrimStart('$', '.'));
            var detail = ex switch
            {
                InvalidTextException => ex.Message,
                _ when ex.Message.Contains("could not be mapped", StringComparison.Ordinal) => "Unknown field.",
                _ when ex.Message.Contains("Duplicate propert", StringComparison.Ordinal) => "Given more than once.",
                _ when ex.LineNumber is null => "Malformed JSON or a value of the wrong type.",
                _ => $"Malformed JSON or a value of the wrong type (line {ex.LineNumber + 1}).",
            };
            return (null, Problems.Validation(new Dictionary<string, string[]> { [field] = [detail] }, "The request body is not valid JSON for this endpoint."));
        }
    }

    /// <summary>
    /// A JSON body of any shape (an import, say), parsed as a document: the same media type and size rules, and a
    /// syntax error or a property given twice answered with its line.
    /// </summary>
    public static async Task<(JsonDocument? Document, IResult? Problem)> ReadDocumentAsync(HttpContext http, int maxBytes)
    {
        var (buffer, problem) = await ReadBytesAsync(http, maxBytes);
        if (buffer is null)
        {
            return (null, problem);
        }

        using var owned = buffer;
        try
        {
            return (JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { AllowDuplicateProperties = false }), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : string.Empty;
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["$"] = [$"Malformed JSON{where}."] }, "The request body is not valid JSON."));
        }
    }

    /// <summary>The body's bytes, or the problem: 415 for another media type, 413 past the limit, 400 when empty.</summary>
    private static async Task<(MemoryStream? Buffer, IResult? Problem)> ReadBytesAsync(HttpContext http, int maxBytes)
    {
        var request = http.Request;
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        }

        var (buffer, tooLarge) = await ReadLimitedAsync(http, maxBytes);
        if (buffer is null)
        {
            return (null, tooLarge);
        }

        if (buffer.Length == 0)
        {
            await buffer.DisposeAsync();
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["A JSON body is required."] }));
        }

        return (buffer, null);
    }

    /// <summary>The body's bytes whatever its media type, from the start, or a 413 past <paramref name="maxBytes"/>.</summary>
    public static async Task<(MemoryStream? Buffer, IResult? Problem)> ReadLimitedAsync(HttpContext http, int maxBytes)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes)
        {
            return (null, Problems.TooLarge(maxBytes));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                return (null, Problems.TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return (buffer, null);
    }

    /// <summary>
    /// A digest of a body as read, kept with a command sent with an Idempotency-Key: a retry's body reads to the same
    /// digest whatever its spacing or key order, another request's does not.
    /// </summary>
    public static string Fingerprint<T>(T body)
        where T : class =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, Options)));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
            // The web defaults read "1" as 1; a number is sent as a number.
            NumberHandling = JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.Converters.Add(new TextConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)));
}
