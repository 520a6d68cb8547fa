using System.Globalization;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// Small numbers in aggregate reports: a count from 1 to 4 can point to a person, so it is shown as "&lt;5", and
/// figures computed over fewer than 5 people (means, shares) are not shown at all. Zero stays zero.
/// </summary>
public static class SmallCells
{
    /// <summary>The smallest count shown as it is (besides zero).</summary>
    public const int Threshold = 5;

    /// <summary>How a suppressed count is written.</summary>
    public const string Suppressed = "<5";

    /// <summary>Whether <paramref name="count"/> is too small to show.</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>Whether figures computed over <paramref name="people"/> may be shown: none for fewer than <see cref="Threshold"/>.</summary>
    public static bool CanDescribe(int people) => people >= Threshold;

    /// <summary>The count as a report shows it.</summary>
    public static string Count(int count) => IsSmall(count) ? Suppressed : count.ToString(CultureInfo.InvariantCulture);
}
