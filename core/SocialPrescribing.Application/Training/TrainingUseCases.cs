using SocialPrescribing.Abstractions;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Grains.Training;

namespace SocialPrescribing.Application.Training;

/// <summary>A link worker's training record: start modules, record knowledge checks, read progress and competencies.</summary>
public sealed class TrainingUseCases(IGrainFactory grains)
{
    /// <summary>Decides the command on the link worker's record and commits its events before returning.</summary>
    public Task<TrainingOutcome> SendAsync(TenantId tenant, string linkWorkerId, TrainingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Record(tenant, linkWorkerId).Execute(command);
    }

    /// <summary>The link worker's record as its grain holds it.</summary>
    public Task<TrainingRecord> GetAsync(TenantId tenant, string linkWorkerId) => Record(tenant, linkWorkerId).GetRecord();

    private ILinkWorkerTrainingGrain Record(TenantId tenant, string linkWorkerId) =>
        grains.GetGrain<ILinkWorkerTrainingGrain>(LinkWorkerTrainingKey.Of(tenant, linkWorkerId));
}
