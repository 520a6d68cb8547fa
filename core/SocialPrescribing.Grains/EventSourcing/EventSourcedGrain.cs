using System.Collections.Immutable;

namespace SocialPrescribing.Grains.EventSourcing;

/// <summary>
/// What every grain that persists itself as an event stream does the same way: its events and the state folded from
/// them, the command that raised each event (so a repeated command id replays the first result instead of acting
/// again), commits that only change the grain once they are durable, and a clock cut to what storage keeps. A grain
/// restored from a snapshot holds only its newest events; the earlier ones are read when something asks for them.
/// </summary>
/// <typeparam name="TState">The folded state.</typeparam>
/// <typeparam name="TEvent">The stream's event type.</typeparam>
public abstract class EventSourcedGrain<TState, TEvent> : Grain
    where TEvent : class
{
    private readonly List<TEvent> _events = [];
    private readonly Dictionary<Guid, Range> _commands = [];
    private int _eventsNotHeld;

    /// <param name="empty">The state of a stream with no events.</param>
    protected EventSourcedGrain(TState empty)
    {
        State = empty;
    }

    /// <summary>The state folded from every event so far.</summary>
    protected TState State { get; private set; }

    /// <summary>The events held in memory, oldest first: every event, unless the grain was restored from a snapshot.</summary>
    protected IReadOnlyList<TEvent> HeldEvents => _events;

    /// <summary>How many events come before the first of <see cref="HeldEvents"/> (read by <see cref="AllEventsAsync"/>).</summary>
    protected int EventsNotHeld => _eventsNotHeld;

    /// <summary>The number of events in the stream.</summary>
    protected int StreamLength => _eventsNotHeld + _events.Count;

    /// <summary>The ids of the commands that raised events, each with the range of stream indices of its events.</summary>
    protected IEnumerable<KeyValuePair<Guid, Range>> CommandRanges => _commands;

    /// <summary>The state after <paramref name="e"/>.</summary>
    protected abstract TState Apply(TState state, TEvent e);

    /// <summary>The id of the command that raised <paramref name="e"/>.</summary>
    protected abstract Guid CommandOf(TEvent e);

    /// <summary>The stream's first <paramref name="count"/> events, for a grain restored from a snapshot.</summary>
    protected virtual Task<IReadOnlyList<TEvent>> ReadEarlierAsync(int count) =>
        throw new InvalidOperationException("This grain holds its whole stream; it has no earlier events to read.");

    /// <summary>
    /// Takes in a snapshot's state and commands, with the events read from storage after
    /// <paramref name="firstHeld"/>: those up to the snapshot are held as they are, later ones folded in. At activation.
    /// </summary>
    protected void Restore(TState state, long snapshotVersion, IEnumerable<KeyValuePair<Guid, Range>> commands, int firstHeld, IEnumerable<(long Version, TEvent Event)> stored)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentOutOfRangeException.ThrowIfNegative(firstHeld);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstHeld, snapshotVersion);
        State = state;
        _events.Clear();
        _commands.Clear();
        foreach (var (command, range) in commands)
        {
            _commands[command] = range;
        }

        _eventsNotHeld = firstHeld;
        foreach (var (version, e) in stored)
        {
            if (version != StreamLength + 1)
            {
                throw new InvalidOperationException($"The stream read has a gap: version {version} after {StreamLength}.");
            }

            if (version <= snapshotVersion)
            {
                _events.Add(e);
            }
            else
            {
                Record(e);
                State = Apply(State, e);
            }
        }

        if (StreamLength < snapshotVersion)
        {
            throw new InvalidOperationException($"The stream read ends at version {StreamLength}, before its snapshot's {snapshotVersion}.");
        }
    }

    /// <summary>Every event so far, oldest first, reading those not held (once) when the grain was restored from a snapshot.</summary>
    protected async Task<IReadOnlyList<TEvent>> AllEventsAsync()
    {
        if (_eventsNotHeld > 0)
        {
            var earlier = await ReadEarlierAsync(_eventsNotHeld);
            if (earlier.Count != _eventsNotHeld)
            {
                throw new InvalidOperationException($"Read {earlier.Count} earlier events where {_eventsNotHeld} were expected.");
            }

            _events.InsertRange(0, earlier);
            _eventsNotHeld = 0;
        }

        return _events;
    }

    /// <summary>Takes in events read from storage, at activation.</summary>
    protected void Replay(IEnumerable<TEvent> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        foreach (var e in stored)
        {
            Record(e);
            State = Apply(State, e);
        }
    }

    /// <summary>
    /// The events a command with <paramref name="commandId"/> raised before, and how many events the stream had once
    /// they were appended; null for a command not seen.
    /// </summary>
    protected async Task<(ImmutableArray<TEvent> Raised, int StreamLengthThen)?> RaisedByAsync(Guid commandId)
    {
        if (!_commands.TryGetValue(commandId, out var range))
        {
            return null;
        }

        var (offset, length) = range.GetOffsetAndLength(StreamLength);
        if (offset < _eventsNotHeld)
        {
            await AllEventsAsync();
        }

        return ([.. _events.Skip(offset - _eventsNotHeld).Take(length)], offset + length);
    }

    /// <summary>The state folded from the first <paramref name="count"/> events (the current state for all of them).</summary>
    protected async Task<TState> FoldFirstAsync(TState empty, int count) =>
        count == StreamLength ? State : (await AllEventsAsync()).Take(count).Aggregate(empty, Apply);

    /// <summary>
    /// Makes <paramref name="events"/> durable through <paramref name="append"/> (given the state they lead to), then
    /// takes them in. When the append fails the commit may or may not have happened, and only a replay from storage
    /// can say which: the activation is retired so the next call starts from what is stored.
    /// </summary>
    protected async Task CommitAsync(Guid commandId, ImmutableArray<TEvent> events, Func<TState, Task> append)
    {
        ArgumentNullException.ThrowIfNull(append);
        var next = events.Aggregate(State, Apply);
        try
        {
            await append(next);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        var start = StreamLength;
        _events.AddRange(events);
        _commands[commandId] = new Range(start, StreamLength);
        State = next;
    }

    /// <summary>
    /// The time, to the microsecond: the finest every storage engine keeps, so an event replayed from storage is
    /// identical to the one held in memory.
    /// </summary>
    protected static DateTimeOffset ToStoredPrecision(DateTimeOffset now) => now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));

    private void Record(TEvent e)
    {
        // A command's events are contiguous in the stream: extend its range while they follow each other.
        var command = CommandOf(e);
        var index = StreamLength;
        _commands[command] = _commands.TryGetValue(command, out var range) && range.End.Value == index
            ? new Range(range.Start, index + 1)
            : new Range(index, index + 1);
        _events.Add(e);
    }
}
