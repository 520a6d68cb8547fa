using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialPrescribing.Storage;

/// <summary>
/// A store's append figures as .NET metrics (a meter per engine: <c>SocialPrescribing.Storage.Postgres</c>,
/// <c>SocialPrescribing.Storage.Sqlite</c>), for <c>dotnet-counters</c> or an OpenTelemetry exporter: what group
/// commit is doing in production, not only in the benchmark. The meter is tagged with the store's database namespace
/// (PostgreSQL's schema, SQLite's file), so stores of one engine in one process stay apart. Nothing about a journey
/// or a tenant is recorded.
/// </summary>
internal sealed class StoreMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;
    private volatile bool _disposed;

    /// <param name="factory">The host's meter factory; without one the store owns its meter.</param>
    /// <param name="meterName">The engine's meter.</param>
    /// <param name="databaseNamespace">Which database of the engine: the <c>db.namespace</c> tag.</param>
    /// <param name="counters">The store's append counters.</param>
    /// <param name="queued">How many appends wait for a writer now.</param>
    public StoreMetrics(IMeterFactory? factory, string meterName, string databaseNamespace, AppendCounters counters, Func<int> queued)
    {
        var options = new MeterOptions(meterName) { Tags = [new("db.namespace", databaseNamespace)] };
        _ownsMeter = factory is null;
        _meter = factory?.Create(options) ?? new Meter(options);
        _meter.CreateObservableCounter("sp.storage.append.transactions", () => Observe(counters.Transactions), "{transaction}",
            "Transactions committed by appends: each one flush of the log to disk.");
        _meter.CreateObservableCounter("sp.storage.appends", () => Observe(counters.Appends), "{append}",
            "Appends committed; with group commit, well above the transactions.");
        _meter.CreateObservableCounter("sp.storage.append.conflicts", () => Observe(counters.Conflicts), "{append}",
            "Appends refused because their stream had moved past the expected version.");
        _meter.CreateObservableUpDownCounter("sp.storage.append.queued", () => Observe(queued()), "{append}",
            "Appends waiting for a group-commit writer now.");
        _duration = _meter.CreateHistogram(
            "sp.storage.append.duration",
            "s",
            "From an append's call until it is committed (or refused), by outcome: committed, conflict, canceled or failed.",
            tags: null,
            advice: new InstrumentAdvice<double>
            {
                // An append takes from a fraction of a millisecond (one journey, fast disk) to tens of milliseconds
                // (a large batch, a slow disk); the exporters' default buckets start at 5 s.
                HistogramBucketBoundaries = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
            });
    }

    /// <summary>Records how long <paramref name="append"/> took, when anyone listens; otherwise hands it back untouched.</summary>
    public Task Time(Task append, long startedAt) => _duration.Enabled ? TimeAsync(append, startedAt) : append;

    /// <summary>
    /// Stops reporting. A meter from the host's factory lives as long as the factory and cannot drop its instruments,
    /// so a disposed store's instruments observe nothing rather than stale totals.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<T>> Observe<T>(T value)
        where T : struct =>
        _disposed ? [] : [new Measurement<T>(value)];

    private async Task TimeAsync(Task append, long startedAt)
    {
        var outcome = "failed";
        try
        {
            await append.ConfigureAwait(false);
            outcome = "committed";
        }
        catch (StreamVersionConflictException)
        {
            outcome = "conflict";
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "canceled";
            throw;
        }
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
