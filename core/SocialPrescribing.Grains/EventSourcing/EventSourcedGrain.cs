using System.Collections.Immutable;

namespace SocialPrescribing.Grains.EventSourcing;

/// <summary>
/// What every grain that persists itself as an event stream does the same way: its events and the state folded from
/// them, the command that raised each event (so a repeated command id replays the first result instead of acting
/// again), commits that only change the grain once they are durable, and a clock cut to what storage keeps.
/// </summary>
/// <typeparam name="TState">The folded state.</typeparam>
/// <typeparam name="TEvent">The stream's event type.</typeparam>
public abstract class EventSourcedGrain<TState, TEvent> : Grain
    where TEvent : class
{
    private readonly List<TEvent> _events = [];
    private readonly Dictionary<Guid, Range> _commands = [];

    /// <param name="empty">The state of a stream with no events.</param>
    protected EventSourcedGrain(TState empty)
    {
        State = empty;
    }

    /// <summary>The state folded from every event so far.</summary>
    protected TState State { get; private set; }

    /// <summary>Every event so far, oldest first.</summary>
    protected IReadOnlyList<TEvent> Events => _events;

    /// <summary>The state after <paramref name="e"/>.</summary>
    protected abstract TState Apply(TState state, TEvent e);

    /// <summary>The id of the command that raised <paramref name="e"/>.</summary>
    protected abstract Guid CommandOf(TEvent e);

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
    /// they were appended; false for a command not seen.
    /// </summary>
    protected bool TryGetRaisedBy(Guid commandId, out ImmutableArray<TEvent> raised, out int streamLengthThen)
    {
        if (!_commands.TryGetValue(commandId, out var range))
        {
            raised = [];
            streamLengthThen = 0;
            return false;
        }

        var (offset, length) = range.GetOffsetAndLength(_events.Count);
        raised = [.. _events.Skip(offset).Take(length)];
        streamLengthThen = offset + length;
        return true;
    }

    /// <summary>The state folded from the first <paramref name="count"/> events.</summary>
    protected TState FoldFirst(TState empty, int count) => _events.Take(count).Aggregate(empty, Apply);

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

        var start = _events.Count;
        _events.AddRange(events);
        _commands[commandId] = new Range(start, _events.Count);
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
        _commands[command] = _commands.TryGetValue(command, out var range) && range.End.Value == _events.Count
            ? new Range(range.Start, _events.Count + 1)
            : new Range(_events.Count, _events.Count + 1);
        _events.Add(e);
    }
}
