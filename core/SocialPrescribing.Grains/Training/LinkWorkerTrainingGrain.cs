using System.Collections.Immutable;
using System.Text.Json;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Training;

/// <summary>
/// A link worker's training record, persisted as a record stream through the storage contract: replayed on
/// activation, each command's events committed before the call returns, repeated command ids recognised.
/// </summary>
public sealed class LinkWorkerTrainingGrain(IRecordStreamStore store, TimeProvider time) : Grain, ILinkWorkerTrainingGrain
{
    private readonly List<TrainingEvent> _events = [];
    private readonly HashSet<Guid> _commands = [];
    private TrainingRecord _record = TrainingRecord.Empty;
    private TenantId _tenant;
    private string _linkWorkerId = string.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _tenant = TenantId.Parse(key[..slash]);
        _linkWorkerId = key[(slash + 1)..];
        foreach (var stored in await store.ReadStreamAsync(_tenant, LinkWorkerTrainingKey.StreamKind, _linkWorkerId, cancellationToken))
        {
            var e = JsonSerializer.Deserialize<TrainingEvent>(stored.Data, JourneyJson.Options)!;
            _events.Add(e);
            _commands.Add(e.CommandId);
            _record = _record.Apply(e);
        }
    }

    public Task<TrainingRecord> GetRecord() => Task.FromResult(_record);

    public async Task<TrainingOutcome> Execute(TrainingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_commands.Contains(command.CommandId))
        {
            ImmutableArray<TrainingEvent> first = [.. _events.Where(e => e.CommandId == command.CommandId)];
            return CommandRejection.IfKeyReused(command.Fingerprint, first[0].CommandFingerprint) is { } reused
                ? new TrainingOutcome([], reused, Replayed: false)
                : new TrainingOutcome(first, null, Replayed: true);
        }

        var now = time.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var decision = TrainingDecider.Decide(_record, command, now);
        if (decision.Rejection is not null || decision.Events.IsEmpty)
        {
            return new TrainingOutcome([], decision.Rejection, Replayed: false);
        }

        try
        {
            await store.AppendStreamAsync(new RecordAppend(
                _tenant,
                LinkWorkerTrainingKey.StreamKind,
                _linkWorkerId,
                _record.Version,
                [.. decision.Events.Select(e => new NewEvent(e.Type, JsonSerializer.Serialize(e, JourneyJson.Options), e.CommandId, e.Actor, e.OccurredAt))]));
        }
        catch
        {
            // Committed or not, only a replay from storage can say: start the next call from there.
            DeactivateOnIdle();
            throw;
        }

        _events.AddRange(decision.Events);
        _commands.Add(command.CommandId);
        _record = decision.Events.Aggregate(_record, (r, e) => r.Apply(e));
        return new TrainingOutcome(decision.Events, null, Replayed: false);
    }
}
