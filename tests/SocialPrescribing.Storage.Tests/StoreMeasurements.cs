using System.Diagnostics.Metrics;
using System.Globalization;

namespace SocialPrescribing.Storage.Tests;

/// <summary>
/// What one store publishes on its engine's meter: listens only to the instruments tagged with that store's database
/// namespace (stores of other tests publish under the same meter name), and notes any measurement tag but the outcome.
/// </summary>
internal sealed class StoreMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string? Outcome)> _measurements = [];
    private readonly List<string> _otherTags = [];

    public StoreMeasurements(string meterName, string databaseNamespace)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && instrument.Meter.Tags?.Any(t => t.Key == "db.namespace" && (string?)t.Value == databaseNamespace) == true)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Tags other than the outcome seen on any measurement: nothing about a journey or a tenant may be attached.</summary>
    public IReadOnlyList<string> OtherTags
    {
        get
        {
            lock (_measurements)
            {
                return [.. _otherTags];
            }
        }
    }

    /// <summary>Reads the observable instruments (the counters) now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>The last value an instrument reported.</summary>
    public double Latest(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Last(m => m.Instrument == instrument).Value;
        }
    }

    /// <summary>The append durations recorded, in seconds, with their outcome.</summary>
    public IReadOnlyList<(double Seconds, string? Outcome)> Durations()
    {
        lock (_measurements)
        {
            return [.. _measurements.Where(m => m.Instrument == "sp.storage.append.duration").Select(m => (m.Value, m.Outcome))];
        }
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>
    /// Five appends to each of 16 journeys from as many threads, then one stale append; then checks what the store's
    /// meter reported of them: 80 appends in <paramref name="transactions"/> transactions, one conflict, nothing queued,
    /// a duration per append by outcome, and no tag but the outcome.
    /// </summary>
    public async Task AppendAndCheckAsync(IJourneyStore store, Func<Guid, long, JourneyAppend> append, Func<long> transactions, TimeSpan patience, CancellationToken cancellationToken)
    {
        var journeys = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToArray();
        await Task.WhenAll(journeys.Select(journey => Task.Run(
            async () =>
            {
                for (var version = 0; version < 5; version++)
                {
                    await store.AppendAsync(append(journey, version), cancellationToken);
                }
            },
            cancellationToken)));
        await Assert.ThrowsAsync<StreamVersionConflictException>(() => store.AppendAsync(append(journeys[0], 2), cancellationToken));
        Observe();

        Assert.Equal(80, Latest("sp.storage.appends"));
        Assert.Equal(transactions(), Latest("sp.storage.append.transactions"));
        Assert.Equal(1, Latest("sp.storage.append.conflicts"));
        Assert.Equal(0, Latest("sp.storage.append.queued"));
        var durations = Durations();
        Assert.Equal(80, durations.Count(d => d.Outcome == "committed"));
        Assert.Equal(1, durations.Count(d => d.Outcome == "conflict"));
        Assert.All(durations, d => Assert.InRange(d.Seconds, 0, patience.TotalSeconds));
        Assert.Empty(OtherTags);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        string? outcome = null;
        var others = new List<string>();
        foreach (var tag in tags)
        {
            if (tag.Key == "outcome")
            {
                outcome = (string?)tag.Value;
            }
            else
            {
                others.Add(tag.Key);
            }
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, CultureInfo.InvariantCulture), outcome));
            _otherTags.AddRange(others);
        }
    }
}
