using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SocialPrescribing.Storage.Postgres;

/// <summary>
/// The store's figures as .NET metrics (meter <see cref="MeterName"/>), for <c>dotnet-counters</c> or an
/// OpenTelemetry exporter: what group commit is doing in production, not only in the benchmark. The meter is tagged
/// with the schema, so two stores in one process stay apart. Nothing about a journey or a tenant is recorded.
/// </summary>
internal sealed class PostgresStoreMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SocialPrescribing.Storage.Postgres";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;

    public PostgresStoreMetrics(IMeterFactory? factory, string schema, PostgresAppendCounters counters, Func<int> queued)
    {
        var options = new MeterOptions(MeterName) { Tags = [new("db.namespace", schema)] };
        _ownsMeter = factory is null;
        _meter = factory?.Create(options) ?? new Meter(options);
        _meter.CreateObservableCounter("sp.storage.append.transactions", () => counters.Transactions, "{transaction}",
            "Transactions committed by appends: each one write-ahead-log flush.");
        _meter.CreateObservableCounter("sp.storage.appends", () => counters.Appends, "{append}",
            "Appends committed; with group commit, well above the transactions.");
        _meter.CreateObservableCounter("sp.storage.append.conflicts", () => counters.Conflicts, "{append}",
            "Appends refused because their stream had moved past the expected version.");
        _meter.CreateObservableUpDownCounter("sp.storage.append.queued", queued, "{append}",
            "Appends waiting for a group-commit writer now.");
        _duration = _meter.CreateHistogram<double>("sp.storage.append.duration", "s",
            "From an append's call until it is committed (or refused), by outcome: committed, conflict or failed.");
    }

    /// <summary>Records how long <paramref name="append"/> took, when anyone listens; otherwise hands it back untouched.</summary>
    public Task Time(Task append, long startedAt) => _duration.Enabled ? TimeAsync(append, startedAt) : append;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

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
        finally
        {
            _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
