using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// The one rule for text in request bodies, applied to every string (and every object key) as it is read:
/// no control characters (U+0000–U+001F, U+007F–U+009F) and no bidirectional embeddings, overrides or isolates
/// (U+202A–U+202E, U+2066–U+2069), which can hide or reorder what a reader sees; nor text that is not valid
/// Unicode. Fields marked <see cref="MultilineTextAttribute"/> also take tab, line feed and carriage return.
/// Refusing rather than stripping loses nothing silently, and no storage engine ever sees a NUL.
/// </summary>
internal sealed class TextConverter(bool multiline) : JsonConverter<string>
{
    public const string Characters = "U+0000–U+001F, U+007F–U+009F, U+202A–U+202E, U+2066–U+2069";

    public TextConverter()
        : this(multiline: false)
    {
    }

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        return Check(ref reader, multiline);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Check(ref reader, multiline: false);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    /// <summary>A field path as it may be echoed in a problem: characters the rule refuses written as <c>\uXXXX</c>.</summary>
    public static string Escape(string path)
    {
        if (!path.Any(c => IsRefused(c, multiline: false) || char.IsSurrogate(c)))
        {
            return path;
        }

        var escaped = new StringBuilder(path.Length + 16);
        foreach (var c in path)
        {
            escaped.Append(IsRefused(c, multiline: false) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return escaped.ToString();
    }

    private static string Check(ref Utf8JsonReader reader, bool multiline)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new InvalidTextException("Not valid Unicode text (an unpaired surrogate).");
        }

        foreach (var c in value)
        {
            if (IsRefused(c, multiline))
            {
                throw new InvalidTextException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Contains U+{(int)c:X4}. Control and bidirectional formatting characters ({Characters}) are refused{(multiline ? "; tab, line feed and carriage return are accepted here" : " in this field")}."));
            }
        }

        return value;
    }

    private static bool IsRefused(char c, bool multiline) =>
        c switch
        {
            '\t' or '\n' or '\r' => !multiline,
            _ => char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'),
        };
}
