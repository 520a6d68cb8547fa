using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
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
/// A journey that persists itself: on activation it replays its stream; each command is decided
/// against the folded state and its events are committed before the call returns. Orleans runs one
/// call at a time per activation, which is what serialises concurrent commands on one journey.
/// </summary>
public sealed partial class JourneyGrain(
    IJourneyStore store,
    ITenantDirectory tenants,
    ICommitSignal commits,
    TimeProvider time,
    ILogger<JourneyGrain> logger) : EventSourcedGrain<JourneyState, JourneyEvent>(JourneyState.Empty), IJourneyGrain
{
    private TenantId _tenant;
    private Guid _journeyId;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _journeyId = this.GetPrimaryKey(out var tenant);
        _tenant = TenantId.Parse(tenant!);
        var stored = await store.ReadAsync(_tenant, _journeyId, cancellationToken);
        Replay(stored.Select(record => JourneyJson.Deserialize(record.Data)));
    }

    public Task<JourneyState> GetState() => Task.FromResult(State);

    public Task<JourneyView> GetView(DateTimeOffset? asOf)
    {
        if (asOf is not { } moment)
        {
            var allowed = tenants.TryGet(_tenant, out var tenant) ? JourneyDecider.AllowedCommands(State, tenant) : [];
            return Task.FromResult(new JourneyView(State, [.. Events], allowed, null));
        }

        // Events are appended in time order, so the journey as it was is a prefix of its stream.
        var then = Events.TakeWhile(e => e.OccurredAt <= moment).ToImmutableArray();
        return Task.FromResult(new JourneyView(JourneyState.Fold(then), then, [], moment));
    }

    public async Task<JourneyView> GetView(DateTimeOffset? asOf, TimelineWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var whole = await GetView(asOf);
        var (first, count) = window.Within(whole.Timeline.Length);
        return whole with
        {
            Timeline = whole.Timeline.Slice(first, count),
            TimelineVersions = [.. Enumerable.Range(first + 1, count).Select(v => (long)v)],
            EventsBefore = first,
        };
    }

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

        if (TryGetRaisedBy(command.CommandId, out var raised, out var lengthThen))
        {
            return CommandRejection.IfKeyReused(command.Fingerprint, raised[0].CommandFingerprint) is { } reused
                ? Rejected(reused)
                : Outcome(CommandOutcomeKind.Replayed, FoldFirst(JourneyState.Empty, lengthThen), raised, tenant);
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
        return Outcome(CommandOutcomeKind.Applied, State, decision.Events, tenant);
    }

    protected override JourneyState Apply(JourneyState state, JourneyEvent e) => state.Apply(e);

    protected override Guid CommandOf(JourneyEvent e) => e.CommandId;

    private static CommandOutcome Outcome(CommandOutcomeKind kind, JourneyState state, ImmutableArray<JourneyEvent> events, TenantSettings tenant) =>
        new(kind, state.Version, state.Status, events, JourneyDecider.AllowedCommands(state, tenant), null);

    private CommandOutcome Rejected(CommandRejection rejection) =>
        new(CommandOutcomeKind.Rejected, State.Version, State.Status, [], [], rejection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journey {Tenant}/{JourneyId}: {Command} applied, now at version {Version}")]
    private partial void LogApplied(string tenant, Guid journeyId, string command, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey {Tenant}/{JourneyId}: stream changed under this activation; deactivating")]
    private partial void LogStaleActivation(string tenant, Guid journeyId);
}
