using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// The durable outbox: reads committed journey events from the store's feed, past its checkpoint, and hands each to
/// <see cref="IJourneyReactions"/>; the checkpoint moves only once a batch has been reacted to. A host killed
/// between a commit and its reaction reacts after it restarts; in a cluster one host at a time consumes.
/// </summary>
public sealed partial class JourneyReactor(
    IEventFeed feed,
    IJourneyReactions reactions,
    IOptions<JourneyReactorOptions> options,
    ILogger<JourneyReactor> logger) : BackgroundService, ICommitSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly JourneyReactorOptions _options = options.Value;

    public void Committed(IEnumerable<string> eventTypes)
    {
        // Only for events that call for a reaction (the poll passes the checkpoint over the rest), and at most one
        // wake-up pending: more would only make the loop read an empty feed again.
        if (_wake.CurrentCount == 0 && eventTypes.Any(reactions.EventTypes.Contains))
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await feed.ConsumeAsync(FeedConsumers.Reactions, _options.BatchSize, reactions.EventTypes, HandleAsync, stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                LogBatchFailed(ex, failures);
                await DelayAsync(RetryDelay(failures), stoppingToken);
                continue;
            }

            if (handled < _options.BatchSize)
            {
                try
                {
                    // Caught up: wait for a commit (or the next poll), then let more commits gather before reading.
                    await _wake.WaitAsync(_options.PollInterval, stoppingToken);
                    await Task.Delay(_options.GatherDelay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private Task HandleAsync(IReadOnlyList<FeedEvent> events, CancellationToken cancellationToken)
    {
        var reacted = reactions.EventTypes;
        foreach (var e in events)
        {
            // Most events call for no reaction: they are passed over without being read.
            if (reacted.Contains(e.Event.Type))
            {
                reactions.React(e.Tenant, e.JourneyId, JourneyJson.Deserialize(e.Event.Data));
            }
        }

        return Task.CompletedTask;
    }

    private TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 16))));

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            // Real time, not the injected clock: this paces retries against the database, it is no business deadline.
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Reactions to committed events failed ({Failures} in a row); the batch will be tried again")]
    private partial void LogBatchFailed(Exception exception, int failures);
}
