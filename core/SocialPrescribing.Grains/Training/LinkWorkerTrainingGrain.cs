using System.Text.Json;
using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Grains.EventSourcing;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Training;

/// <summary>
/// A link worker's training record, persisted as a record stream through the storage contract: replayed on
/// activation, each command's events committed before the call returns, repeated command ids recognised.
/// </summary>
public sealed class LinkWorkerTrainingGrain(IRecordStreamStore store, TimeProvider time)
    : EventSourcedGrain<TrainingRecord, TrainingEvent>(TrainingRecord.Empty), ILinkWorkerTrainingGrain
{
    private TenantId _tenant;
    private string _linkWorkerId = string.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        _tenant = TenantId.Parse(key[..slash]);
        _linkWorkerId = key[(slash + 1)..];
        var stored = await store.ReadStreamAsync(_tenant, LinkWorkerTrainingKey.StreamKind, _linkWorkerId, cancellationToken);
        Replay(stored.Select(record => JsonSerializer.Deserialize<TrainingEvent>(record.Data, JourneyJson.Options)!));
    }

    public Task<TrainingRecord> GetRecord() => Task.FromResult(State);

    public async Task<TrainingOutcome> Execute(TrainingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await RaisedByAsync(command.CommandId) is var (first, _))
        {
            return CommandRejection.IfKeyReused(command.Fingerprint, first[0].CommandFingerprint) is { } reused
                ? new TrainingOutcome([], reused, Replayed: false)
                : new TrainingOutcome(first, null, Replayed: true);
        }

        var decision = TrainingDecider.Decide(State, command, ToStoredPrecision(time.GetUtcNow()));
        if (decision.Rejection is not null || decision.Events.IsEmpty)
        {
            return new TrainingOutcome([], decision.Rejection, Replayed: false);
        }

        var expected = State.Version;
        await CommitAsync(command.CommandId, decision.Events, _ => store.AppendStreamAsync(new RecordAppend(
            _tenant,
            LinkWorkerTrainingKey.StreamKind,
            _linkWorkerId,
            expected,
            [.. decision.Events.Select(e => new NewEvent(e.Type, JsonSerializer.Serialize(e, JourneyJson.Options), e.CommandId, e.Actor, e.OccurredAt))])));
        return new TrainingOutcome(decision.Events, null, Replayed: false);
    }

    protected override TrainingRecord Apply(TrainingRecord state, TrainingEvent e) => state.Apply(e);

    protected override Guid CommandOf(TrainingEvent e) => e.CommandId;
}
