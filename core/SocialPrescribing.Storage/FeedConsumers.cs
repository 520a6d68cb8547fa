using System.Text.RegularExpressions;

namespace SocialPrescribing.Storage;

/// <summary>The names of feed consumers: what every engine accepts, checked before any of them is asked.</summary>
public static partial class FeedConsumers
{
    /// <summary>The reactions to committed events (first-contact checks, safety alert notifications, trips).</summary>
    public const string Reactions = "reactions";

    /// <summary>The consumer an asynchronous projection reads the feed as: <c>projection:</c> and its name.</summary>
    public static string Projection(string projection)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var consumer = "projection:" + projection;
        Check(consumer);
        return consumer;
    }

    /// <summary>Throws when <paramref name="consumer"/> is not 1 to 64 characters of a-z, 0-9, ':', '.', '_' and '-'.</summary>
    public static void Check(string consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        if (!Name().IsMatch(consumer))
        {
            throw new ArgumentException("A feed consumer's name is 1 to 64 characters of a-z, 0-9, ':', '.', '_' and '-'.", nameof(consumer));
        }
    }

    [GeneratedRegex("^[a-z0-9:._-]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
