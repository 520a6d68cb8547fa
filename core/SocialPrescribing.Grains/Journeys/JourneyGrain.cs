using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Grains.EventSourcing;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// A journey that persists itself: on activation it reads its latest snapshot and the events after it (or, without
/// one, replays its whole stream); each command is decided against the folded state and its events are committed
/// before the call returns. Orleans runs one call at a time per activation, which is what serialises concurrent
/// commands on one journey. A journey of <see cref="SnapshotEvery"/> events or more keeps a snapshot: when an activation
/// ends (the grain idle or its host stopping) or begins (after a replay) and the journey has grown by that many events
/// since the last, and when a commit doubles the events since the last, so a journey that stays active keeps one too
/// while each event pays for a bounded share of the snapshots written.
/// </summary>
public sealed partial class JourneyGrain(
    IJourneyStore store,
    ITenantDirectory tenants,
    ICommitSignal commits,
    Serializer serializer,
    TimeProvider time,
    ILogger<JourneyGrain> logger) : EventSourcedGrain<JourneyState, JourneyEvent>(JourneyState.Empty), IJourneyGrain
{
    /// <summary>How many events a journey gains between snapshots (and has before its first).</summary>
    public const int SnapshotEvery = 100;

    /// <summary>How many events a commit leaves since the last snapshot before it takes one: as many as that snapshot held.</summary>
    private long CommitSnapshotGrowth => Math.Max(SnapshotEvery, _snapshotVersion);

    /// <summary>
    /// What a snapshot this build writes is: the state's type, and the builds of the fold and of this grain. A snapshot
    /// written by another build is not read (its state may have been folded differently); the journey replays its
    /// stream once and keeps a new one.
    /// </summary>
    public static readonly string SnapshotKind =
        $"journey/{typeof(JourneyState).Assembly.ManifestModule.ModuleVersionId:N}/{typeof(JourneyGrain).Assembly.ManifestModule.ModuleVersionId:N}";

    private TenantId _tenant;
    private Guid _journeyId;
    private long _snapshotVersion;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journeyId = this.GetPrimaryKey(out var tenant);
        _tenant = TenantId.Parse(tenant!);

        // The newest events a view shows are held from before the snapshot too, so the first read needs no other.
        var tail = await store.ReadTailAsync(_tenant, _journeyId, SnapshotKind, TimelineWindow.DefaultLimit, cancellationToken);
        if (tail.Snapshot is { } snapshot && Unpack(snapshot) is { } data)
        {
            var firstHeld = tail.Events.Count == 0 ? snapshot.Version : tail.Events[0].Version - 1;
            Restore(
                data.State,
                snapshot.Version,
                data.Commands.Select(c => KeyValuePair.Create(c.CommandId, new Range(c.Start, c.End))),
                (int)firstHeld,
                tail.Events.Select(record => (record.Version, JourneyJson.Deserialize(record.Data))));
            _snapshotVersion = snapshot.Version;
        }
        else
        {
            var stored = tail.Snapshot is null ? tail.Events : await store.ReadAsync(_tenant, _journeyId, cancellationToken);
            Replay(stored.Select(record => JourneyJson.Deserialize(record.Data)));
        }

        await KeepSnapshotAsync(SnapshotEvery);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await KeepSnapshotAsync(SnapshotEvery);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<JourneyState> GetState() => Task.FromResult(State);

    public async Task<JourneyView> GetView(DateTimeOffset? asOf)
    {
        var events = await AllEventsAsync();
        if (asOf is not { } moment)
        {
            return new JourneyView(State, [.. events], AllowedCommands(), null);
        }

        // Events are appended in time order, so the journey as it was is a prefix of its stream.
        var then = events.TakeWhile(e => e.OccurredAt <= moment).ToImmutableArray();
        return new JourneyView(JourneyState.Fold(then), then, [], moment);
    }

    public async Task<JourneyView> GetView(DateTimeOffset? asOf, TimelineWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (asOf is null && window.Within(StreamLength) is var (start, length) && start >= EventsNotHeld)
        {
            // The window is among the events held: no need for the earlier ones.
            return Windowed(new JourneyView(State, [.. HeldEvents.Skip(start - EventsNotHeld).Take(length)], AllowedCommands(), null), start);
        }

        var whole = await GetView(asOf);
        var (first, count) = window.Within(whole.Timeline.Length);
        return Windowed(whole with { Timeline = whole.Timeline.Slice(first, count) }, first);
    }

    /// <summary>A view whose timeline is the window starting at stream index <paramref name="first"/>.</summary>
    private static JourneyView Windowed(JourneyView view, int first) => view with
    {
        TimelineVersions = [.. Enumerable.Range(first + 1, view.Timeline.Length).Select(v => (long)v)],
        EventsBefore = first,
    };

    public async Task<CommandOutcome> ExecuteWithin(JourneyCommand command, JourneyScopeRule scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Reaches(State))
        {
            return await Execute(command);
        }

        // Outside the ordinary scope only by an emergency access in force, and the outcome says which.
        return scope.EmergencyAccessAt(State, time.GetUtcNow()) is { } grant
            ? await Execute(command) with { EmergencyAccess = grant }
            : Rejected(new CommandRejection(RejectionKind.Forbidden, JourneyScopeRule.OutOfScope, null, []));
    }

    public async Task<CommandOutcome> Execute(JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!tenants.TryGet(_tenant, out var tenant))
        {
            return Rejected(new CommandRejection(RejectionKind.NotFound, "Unknown tenant.", null, []));
        }

        if (await RaisedByAsync(command.CommandId) is var (raised, lengthThen))
        {
            return CommandRejection.IfKeyReused(command.Fingerprint, raised[0].CommandFingerprint) is { } reused
                ? Rejected(reused)
                : Outcome(CommandOutcomeKind.Replayed, await FoldFirstAsync(JourneyState.Empty, lengthThen), raised, tenant);
        }

        var decision = JourneyDecider.Decide(State, command, new DecisionContext(ToStoredPrecision(time.GetUtcNow()), tenant, () => JourneyIds.New(time)));
        if (decision.Rejection is { } rejection)
        {
            return Rejected(rejection);
        }

        if (decision.Events.IsEmpty)
        {
            return Outcome(CommandOutcomeKind.Unchanged, State, [], tenant);
        }

        var expected = State.Version;
        try
        {
            await CommitAsync(command.CommandId, decision.Events, next => store.AppendAsync(new JourneyAppend(
                _tenant,
                _journeyId,
                expected,
                [.. decision.Events.Select(e => new NewEvent(e.Type, JourneyJson.Serialize(e), e.CommandId, e.Actor, e.OccurredAt))],
                CaseloadProjection.Project(next))));
        }
        catch (StreamVersionConflictException)
        {
            // Another activation wrote to this stream (possible only while a cluster is failing over): this one is
            // stale and has been retired; the next call starts from what is stored.
            LogStaleActivation(_tenant.Value, _journeyId);
            throw;
        }

        LogApplied(_tenant.Value, _journeyId, command.Name, State.Version);
        commits.Committed(decision.Events.Select(e => e.Type));
        await KeepSnapshotAsync(CommitSnapshotGrowth);
        return Outcome(CommandOutcomeKind.Applied, State, decision.Events, tenant);
    }

    protected override JourneyState Apply(JourneyState state, JourneyEvent e) => state.Apply(e);

    protected override Guid CommandOf(JourneyEvent e) => e.CommandId;

    protected override async Task<IReadOnlyList<JourneyEvent>> ReadEarlierAsync(int count)
    {
        var stored = await store.ReadAsync(_tenant, _journeyId);
        return [.. stored.Take(count).Select(record => JourneyJson.Deserialize(record.Data))];
    }

    private ImmutableArray<string> AllowedCommands() =>
        tenants.TryGet(_tenant, out var tenant) ? JourneyDecider.AllowedCommands(State, tenant) : [];

    /// <summary>
    /// Keeps a snapshot of the state when the journey has grown by <paramref name="growth"/> events since the last. Its
    /// events are durable already, so a snapshot that cannot be saved costs only a longer read at the next activation.
    /// </summary>
    private async Task KeepSnapshotAsync(long growth)
    {
        if (State.Version - _snapshotVersion < growth)
        {
            return;
        }

        var data = new JourneySnapshotData(State, [.. CommandRanges.Select(c => new CommandSpan(c.Key, c.Value.Start.Value, c.Value.End.Value))]);
        try
        {
            await store.SaveSnapshotAsync(_tenant, _journeyId, new JourneySnapshot(SnapshotKind, State.Version, serializer.SerializeToArray(data)));
            _snapshotVersion = State.Version;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSnapshotNotSaved(_tenant.Value, _journeyId, State.Version, ex.GetType().Name);
        }
    }

    /// <summary>The snapshot's contents, or null (and a warning) when they cannot be read: the stream is replayed instead.</summary>
    private JourneySnapshotData? Unpack(JourneySnapshot snapshot)
    {
        try
        {
            var data = serializer.Deserialize<JourneySnapshotData>(snapshot.Data);
            if (data?.State?.Version == snapshot.Version)
            {
                return data;
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSnapshotUnreadable(_tenant.Value, _journeyId, snapshot.Version, ex.GetType().Name);
            return null;
        }

        LogSnapshotUnreadable(_tenant.Value, _journeyId, snapshot.Version, "VersionMismatch");
        return null;
    }

    private static CommandOutcome Outcome(CommandOutcomeKind kind, JourneyState state, ImmutableArray<JourneyEvent> events, TenantSettings tenant) =>
        new(kind, state.Version, state.Status, events, JourneyDecider.AllowedCommands(state, tenant), null);

    private CommandOutcome Rejected(CommandRejection rejection) =>
        new(CommandOutcomeKind.Rejected, State.Version, State.Status, [], [], rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {Tenant}/{JourneyId}: {Command} applied, now at version {Version}")]
    private partial void LogApplied(string tenant, Guid journeyId, string command, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {Tenant}/{JourneyId}: stream changed under this activation; deactivating")]
    private partial void LogStaleActivation(string tenant, Guid journeyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {Tenant}/{JourneyId}: snapshot at version {Version} not saved ({Error}); the next activation reads more events")]
    private partial void LogSnapshotNotSaved(string tenant, Guid journeyId, long version, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {Tenant}/{JourneyId}: snapshot at version {Version} unreadable ({Error}); replaying the stream")]
    private partial void LogSnapshotUnreadable(string tenant, Guid journeyId, long version, string error);
}
