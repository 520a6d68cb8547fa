using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SocialPrescribing.Abstractions;

/// <summary>
/// A tenant: one province or region served by a deployment. Every key, row, job and log line
/// carries one, and nothing crosses from one tenant to another.
/// </summary>
/// <remarks>A tenant id is 2 to 32 characters of lower-case letters, digits and hyphens.</remarks>
public readonly partial record struct TenantId
{
    private TenantId(string value) => Value = value;

    /// <summary>The tenant id as written in URLs and configuration, for example <c>ab</c>.</summary>
    public string Value { get; }

    /// <summary>Reads a tenant id, returning false when the text is not a valid one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TenantId tenant)
    {
        if (text is not null && Pattern().IsMatch(text))
        {
            tenant = new TenantId(text);
            return true;
        }

        tenant = default;
        return false;
    }

    /// <summary>Reads a tenant id, throwing <see cref="FormatException"/> when it is not a valid one.</summary>
    public static TenantId Parse(string text) =>
        TryParse(text, out var tenant)
            ? tenant
            : throw new FormatException("A tenant id is 2 to 32 characters of a-z, 0-9 and '-'.");

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex("^[a-z0-9-]{2,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
