namespace SocialPrescribing.Assessments.Tests.Support;

/// <summary>Builds response sets for table-driven tests.</summary>
internal static class Answers
{
    /// <summary>
    /// <paramref name="count"/> answers between <paramref name="minimum"/> and <paramref name="maximum"/> that add
    /// up to <paramref name="total"/>, the early items filled first (so late items stay at the minimum for as long as
    /// the total allows).
    /// </summary>
    public static int[] Totalling(int total, int count, int minimum, int maximum)
    {
        var answers = Enumerable.Repeat(minimum, count).ToArray();
        var left = total - (minimum * count);
        if (left < 0 || left > (maximum - minimum) * count)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "No answers in range add up to that total.");
        }

        for (var i = 0; i < count && left > 0; i++)
        {
            var step = Math.Min(left, maximum - minimum);
            answers[i] += step;
            left -= step;
        }

        return answers;
    }

    /// <summary>PHQ-9 answers adding up to <paramref name="total"/>, the ninth (self-harm) item last to be used.</summary>
    public static int[] Phq9(int total) => Totalling(total, 9, 0, 3);

    /// <summary>GAD-7 answers adding up to <paramref name="total"/>.</summary>
    public static int[] Gad7(int total) => Totalling(total, 7, 0, 3);

    /// <summary>UCLA-3 scale answers adding up to <paramref name="total"/>.</summary>
    public static int[] Ucla3(int total) => Totalling(total, 3, 1, 3);

    /// <summary>SWEMWBS answers adding up to the raw score <paramref name="raw"/>.</summary>
    public static int[] Swemwbs(int raw) => Totalling(raw, 7, 1, 5);
}
