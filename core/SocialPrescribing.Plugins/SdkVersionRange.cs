using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SocialPrescribing.Plugins;

/// <summary>
/// The SDK versions a plugin supports, in NuGet's interval notation: <c>[1.0,2.0)</c> is 1.0 up to but not
/// including 2.0, <c>[1.2,)</c> is 1.2 or later, <c>[1.0]</c> is exactly 1.0, and a bare <c>1.0</c> means
/// 1.0 or later. Versions have one to three numeric parts; missing parts are zero.
/// </summary>
public sealed class SdkVersionRange
{
    private SdkVersionRange(string text, Version? minimum, bool minimumInclusive, Version? maximum, bool maximumInclusive)
    {
        Text = text;
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    /// <summary>The lower bound, or null when there is none.</summary>
    public Version? Minimum { get; }

    /// <summary>True when <see cref="Minimum"/> itself is in the range.</summary>
    public bool MinimumInclusive { get; }

    /// <summary>The upper bound, or null when there is none.</summary>
    public Version? Maximum { get; }

    /// <summary>True when <see cref="Maximum"/> itself is in the range.</summary>
    public bool MaximumInclusive { get; }

    /// <summary>Reads a range, or says what is wrong with it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SdkVersionRange? range, [NotNullWhen(false)] out string? error)
    {
        range = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            error = "is empty";
            return false;
        }

        if (value[0] is not ('[' or '('))
        {
            if (!TryVersion(value, out var floor))
            {
                error = $"'{value}' is not a version (use 1 to 3 numbers, like 1.0)";
                return false;
            }

            range = new SdkVersionRange(value, floor, true, null, false);
            error = null;
            return true;
        }

        if (value.Length < 3 || value[^1] is not (']' or ')'))
        {
            error = $"'{value}' must end with ']' or ')'";
            return false;
        }

        var minimumInclusive = value[0] == '[';
        var maximumInclusive = value[^1] == ']';
        var inner = value[1..^1];
        var parts = inner.Split(',');
        if (parts.Length == 1)
        {
            if (!minimumInclusive || !maximumInclusive || !TryVersion(parts[0], out var exact))
            {
                error = $"'{value}': an exact version is written [1.0]";
                return false;
            }

            range = new SdkVersionRange(value, exact, true, exact, true);
            error = null;
            return true;
        }

        if (parts.Length != 2)
        {
            error = $"'{value}' has more than one ','";
            return false;
        }

        Version? minimum = null;
        Version? maximum = null;
        if (parts[0].Trim().Length > 0 && !TryVersion(parts[0], out minimum))
        {
            error = $"'{value}': '{parts[0].Trim()}' is not a version";
            return false;
        }

        if (parts[1].Trim().Length > 0 && !TryVersion(parts[1], out maximum))
        {
            error = $"'{value}': '{parts[1].Trim()}' is not a version";
            return false;
        }

        if (minimum is null && maximum is null)
        {
            error = $"'{value}' has no bound";
            return false;
        }

        if ((minimum is null && minimumInclusive) || (maximum is null && maximumInclusive))
        {
            error = $"'{value}': an open end is written with '(' or ')'";
            return false;
        }

        if (minimum is not null && maximum is not null
            && (minimum > maximum || (minimum == maximum && !(minimumInclusive && maximumInclusive))))
        {
            error = $"'{value}' contains no version";
            return false;
        }

        range = new SdkVersionRange(value, minimum, minimumInclusive, maximum, maximumInclusive);
        error = null;
        return true;
    }

    /// <summary>True when <paramref name="version"/> lies in the range.</summary>
    public bool Includes(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var v = Normalize(version);
        if (Minimum is not null && (MinimumInclusive ? v < Minimum : v <= Minimum))
        {
            return false;
        }

        return Maximum is null || (MaximumInclusive ? v <= Maximum : v < Maximum);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>The version with exactly three parts (major.minor.build), missing ones zero.</summary>
    internal static Version Normalize(Version version) =>
        new(version.Major, Math.Max(version.Minor, 0), Math.Max(version.Build, 0));

    private static bool TryVersion(string text, [NotNullWhen(true)] out Version? version)
    {
        version = null;
        var parts = text.Trim().Split('.');
        if (parts.Length is < 1 or > 3)
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        version = new Version(numbers[0], numbers[1], numbers[2]);
        return true;
    }
}
