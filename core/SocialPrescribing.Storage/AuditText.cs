using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialPrescribing.Storage;

/// <summary>The rules <see cref="AuditEntry.Validate"/> applies to each field, and how entry times are kept.</summary>
internal static partial class AuditText
{
    /// <summary>What a text field may hold.</summary>
    public enum Kind
    {
        /// <summary>Any characters but control characters.</summary>
        Line,

        /// <summary>As <see cref="Line"/>, plus tabs and line breaks.</summary>
        Prose,

        /// <summary>Printable ASCII without spaces.</summary>
        Token,

        /// <summary>Role names of letters, digits and <c>-_.:</c>, separated by commas.</summary>
        Roles,
    }

    private static readonly SearchValues<char> Breaks = SearchValues.Create("\t\n\r");

    /// <summary>UTC, truncated to the microsecond: what both engines keep, so a stored entry hashes as it was written.</summary>
    public static DateTimeOffset Normalize(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero);

    /// <summary>
    /// UTC, rounded up to the microsecond: for a bound on entry times, so that comparing with it compares exactly
    /// (an entry is at or after a bound exactly when it is at or after the bound rounded up, and likewise before it).
    /// </summary>
    public static DateTimeOffset Ceiling(DateTimeOffset at) =>
        at.UtcTicks % 10 == 0 || at.UtcTicks > DateTimeOffset.MaxValue.UtcTicks - 10 ? Normalize(at) : Normalize(at.AddTicks(10));

    public static void RequireName(string name, string field)
    {
        if (name is null || name.Length > AuditEntry.MaxNameLength || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"An audit {field.ToLowerInvariant()} is 1 to {AuditEntry.MaxNameLength} characters of lower-case kebab (a-z, 0-9, single hyphens inside).", field);
        }
    }

    public static void RequireText(string text, int maxLength, Kind kind, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw new ArgumentException($"An audit entry's {field} is required.", field);
        }

        OptionalText(text, maxLength, kind, field);
    }

    public static void OptionalText(string? text, int maxLength, Kind kind, string field)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length == 0 || text.Length > maxLength)
        {
            throw new ArgumentException($"An audit entry's {field} is null or 1 to {maxLength} characters.", field);
        }

        var allowed = kind switch
        {
            Kind.Token => text.All(c => c is > ' ' and <= '~'),
            Kind.Roles => RolesPattern().IsMatch(text),
            Kind.Prose => IsWellFormed(text, Breaks),
            _ => IsWellFormed(text, null),
        };
        if (!allowed)
        {
            throw new ArgumentException($"An audit entry's {field} holds characters it may not ({kind}).", field);
        }
    }

    /// <summary>
    /// No control characters (but <paramref name="except"/>) and no lone surrogates, which UTF-8 cannot carry: the
    /// text would come back from the database changed, and no longer match its hash.
    /// </summary>
    private static bool IsWellFormed(string text, SearchValues<char>? except)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            if (Rune.IsControl(rune) && (except is null || !except.Contains(rest[0])))
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}(,[A-Za-z0-9_.:-]{1,64})*\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RolesPattern();
}
