namespace SocialPrescribing.Grains.Journeys;

/// <summary>Configuration section <c>Reactions</c>: how the reactions consumer reads the event feed.</summary>
public sealed class JourneyReactorOptions
{
    /// <summary>
    /// Whether this host consumes the feed. Default <c>true</c>. In a cluster any number may: one at a time does the
    /// work. Turn off on hosts that should only serve requests.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the feed is read when no commit signalled. Default 1 second; commits on this host wake it at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the consumer lets commits gather after it is woken, so a burst of commands costs one feed read and one
    /// checkpoint write rather than one each. Default 50 milliseconds: reactions are jobs, not replies.
    /// </summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Events handled per batch (and per checkpoint write). Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The longest wait after failures before reading again. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
