namespace SocialPrescribing.Grains.Projections;

/// <summary>Configuration section <c>Projections</c>: how the asynchronous projections catch up with the event feed.</summary>
public sealed class AsyncProjectionOptions
{
    /// <summary>Whether this host runs them. Default <c>true</c>; in a cluster one host at a time does the work.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each projection reads the feed once it has caught up. Default 1 second: how far it lags.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events per batch (and per checkpoint write). Default 1000.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The longest wait after failures before reading again. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);
}
