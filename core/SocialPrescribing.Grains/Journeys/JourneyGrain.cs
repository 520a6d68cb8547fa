using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// A journey that persists itself: on activation it replays its stream; each command is decided
/// against the folded state and its events are committed before the call returns. Orleans runs one
/// call at a time per activation, which is what serialises concurrent commands on one journey.
/// </summary>
public sealed partial class JourneyGrain(
    IJourneyStore store,
    ITenantDirectory tenants,
    ICommitSignal commits,
    TimeProvider time,
    ILogger<JourneyGrain> logger) : Grain, IJourneyGrain
{
    private readonly List<JourneyEvent> _events = [];
    private readonly Dictionary<Guid, Range> _commands = [];
    private JourneyState _state = JourneyState.Empty;
    private TenantId _tenant;
    private Guid _journeyId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journeyId = this.GetPrimaryKey(out var tenant);
        _tenant = TenantId.Parse(tenant!);
        await LoadAsync(cancellationToken);
    }

    public Task<JourneyState> GetState() => Task.FromResult(_state);

    public Task<JourneyView> GetView(DateTimeOffset? asOf)
    {
        if (asOf is not { } moment)
        {
            var allowed = tenants.TryGet(_tenant, out var tenant) ? JourneyDecider.AllowedCommands(_state, tenant) : [];
            return Task.FromResult(new JourneyView(_state, [.. _events], allowed, null));
        }

        // Events are appended in time order, so the journey as it was is a prefix of its stream.
        var then = _events.TakeWhile(e => e.OccurredAt <= moment).ToImmutableArray();
        return Task.FromResult(new JourneyView(JourneyState.Fold(then), then, [], moment));
    }

    public async Task<CommandOutcome> Execute(JourneyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!tenants.TryGet(_tenant, out var tenant))
        {
            return Rejected(new CommandRejection(RejectionKind.NotFound, "Unknown tenant.", null, []));
        }

        if (_commands.TryGetValue(command.CommandId, out var seen))
        {
            return Replay(seen, command, tenant);
        }

        var decision = JourneyDecider.Decide(_state, command, new DecisionContext(Now(), tenant, () => JourneyIds.New(time)));
        if (decision.Rejection is { } rejection)
        {
            return Rejected(rejection);
        }

        if (decision.Events.IsEmpty)
        {
            return Outcome(CommandOutcomeKind.Unchanged, _state, [], tenant);
        }

        var next = decision.Events.Aggregate(_state, (state, e) => state.Apply(e));
        var append = new JourneyAppend(
            _tenant,
            _journeyId,
            _state.Version,
            [.. decision.Events.Select(e => new NewEvent(e.Type, JourneyJson.Serialize(e), e.CommandId, e.Actor, e.OccurredAt))],
            CaseloadProjection.Project(next));
        try
        {
            await store.AppendAsync(append);
        }
        catch (StreamVersionConflictException)
        {
            // Another activation wrote to this stream (possible only while a cluster is failing over):
            // our view is stale, so let the next call start from what is stored.
            LogStaleActivation(_tenant.Value, _journeyId);
            DeactivateOnIdle();
            throw;
        }
        catch
        {
            // The commit may or may not have happened; only a replay from storage can say which.
            DeactivateOnIdle();
            throw;
        }

        var start = _events.Count;
        _events.AddRange(decision.Events);
        _commands[command.CommandId] = new Range(start, _events.Count);
        _state = next;
        LogApplied(_tenant.Value, _journeyId, command.Name, _state.Version);
        commits.Committed();
        return Outcome(CommandOutcomeKind.Applied, _state, decision.Events, tenant);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(_tenant, _journeyId, cancellationToken);
        foreach (var record in stored)
        {
            var e = JourneyJson.Deserialize(record.Data);
            if (_commands.TryGetValue(e.CommandId, out var range) && range.End.Value == _events.Count)
            {
                _commands[e.CommandId] = new Range(range.Start, _events.Count + 1);
            }
            else
            {
                _commands[e.CommandId] = new Range(_events.Count, _events.Count + 1);
            }

            _events.Add(e);
            _state = _state.Apply(e);
        }
    }

    /// <summary>
    /// The time, to the microsecond: the finest every storage engine keeps, so an event replayed from
    /// storage is identical to the one held in memory.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    private CommandOutcome Replay(Range range, JourneyCommand command, TenantSettings tenant)
    {
        var (offset, length) = range.GetOffsetAndLength(_events.Count);
        if (CommandRejection.IfKeyReused(command.Fingerprint, _events[offset].CommandFingerprint) is { } reused)
        {
            return Rejected(reused);
        }

        var stateThen = JourneyState.Fold(_events.Take(offset + length));
        return Outcome(CommandOutcomeKind.Replayed, stateThen, [.. _events.Skip(offset).Take(length)], tenant);
    }

    private static CommandOutcome Outcome(CommandOutcomeKind kind, JourneyState state, ImmutableArray<JourneyEvent> events, TenantSettings tenant) =>
        new(kind, state.Version, state.Status, events, JourneyDecider.AllowedCommands(state, tenant), null);

    private CommandOutcome Rejected(CommandRejection rejection) =>
        new(CommandOutcomeKind.Rejected, _state.Version, _state.Status, [], [], rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {Tenant}/{JourneyId}: {Command} applied, now at version {Version}")]
    private partial void LogApplied(string tenant, Guid journeyId, string command, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {Tenant}/{JourneyId}: stream changed under this activation; deactivating")]
    private partial void LogStaleActivation(string tenant, Guid journeyId);
}
