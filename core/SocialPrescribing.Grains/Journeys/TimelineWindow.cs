namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// Which part of a journey's timeline a view carries: the <see cref="Limit"/> events just before version
/// <see cref="Before"/> (the newest when it is null), oldest first.
/// </summary>
/// <param name="Before">The first version not shown; null for the newest events.</param>
/// <param name="Limit">The most events shown; at least one.</param>
[GenerateSerializer, Immutable, Alias("sp.TimelineWindow")]
public sealed record TimelineWindow([property: Id(0)] long? Before, [property: Id(1)] int Limit)
{
    /// <summary>How many of the newest events a journey's view shows unless asked for another number.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The index of the window's first event in a timeline of <paramref name="length"/> events, and how many it holds.</summary>
    public (int First, int Count) Within(int length)
    {
        var end = (int)Math.Clamp((Before ?? long.MaxValue) - 1, 0, length);
        var first = Math.Max(0, end - Math.Max(1, Limit));
        return (first, end - first);
    }
}
