using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Projections;

/// <summary>
/// Keeps every <see cref="ITallyProjection"/> caught up with the event feed: each poll, each projection reads what was
/// committed after its checkpoint, in batches, until it has caught up. A projection that fails is tried again after a
/// growing delay, without holding the others back; its checkpoint stays where it was, so nothing is lost or counted twice.
/// </summary>
public sealed partial class AsyncProjectionRunner(
    IEnumerable<ITallyProjection> projections,
    IProjectionTallies tallies,
    IOptions<AsyncProjectionOptions> options,
    ILogger<AsyncProjectionRunner> logger) : BackgroundService
{
    private readonly ITallyProjection[] _projections = [.. projections];
    private readonly AsyncProjectionOptions _options = options.Value;

    /// <summary>Reads the feed for <paramref name="projection"/> until it has caught up; returns the events it counted.</summary>
    public static async Task<int> CatchUpAsync(IProjectionTallies tallies, ITallyProjection projection, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        ArgumentNullException.ThrowIfNull(projection);
        var counted = 0;
        while (true)
        {
            var read = await tallies.TallyAsync(projection.Name, batchSize, projection.EventTypes, projection.Tally, cancellationToken);
            counted += read;
            if (read < batchSize)
            {
                return counted;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled || _projections.Length == 0)
        {
            return;
        }

        var failures = new int[_projections.Length];
        // Milliseconds on the monotonic tick count: this paces retries against the database, it is no business deadline,
        // and a wall clock set back would hold a projection back with it.
        var retryAt = new long[_projections.Length];
        while (!stoppingToken.IsCancellationRequested)
        {
            for (var i = 0; i < _projections.Length; i++)
            {
                if (Environment.TickCount64 < retryAt[i])
                {
                    continue;
                }

                try
                {
                    await CatchUpAsync(tallies, _projections[i], _options.BatchSize, stoppingToken);
                    failures[i] = 0;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    failures[i]++;
                    LogFailed(ex, _projections[i].Name, failures[i]);
                    retryAt[i] = Environment.TickCount64 + (long)Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures[i], 16)));
                }
            }

            try
            {
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 1311, Level = LogLevel.Error, Message = "Projection {Projection} could not catch up with the event feed ({Failures} in a row); it will be tried again")]
    private partial void LogFailed(Exception exception, string projection, int failures);
}
