using SocialPrescribing.Application.Access;
using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Grains.Training;

namespace SocialPrescribing.Application.Training;

/// <summary>
/// A link worker's training record: start modules, record knowledge checks, read progress and competencies. A link
/// worker reaches their own record; supervisors (and the host's jobs) every record of the tenant.
/// </summary>
public sealed class TrainingUseCases(IGrainFactory grains)
{
    /// <summary>Decides the command on the link worker's record and commits its events before returning.</summary>
    /// <exception cref="AccessDeniedException">The record is another link worker's.</exception>
    public Task<TrainingOutcome> SendAsync(Caller caller, string linkWorkerId, TrainingCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Record(caller, linkWorkerId).Execute(command);
    }

    /// <summary>The link worker's record as its grain holds it.</summary>
    /// <exception cref="AccessDeniedException">The record is another link worker's.</exception>
    public Task<TrainingRecord> GetAsync(Caller caller, string linkWorkerId) => Record(caller, linkWorkerId).GetRecord();

    /// <summary>Refuses a caller who may not reach the link worker's record, before anything of the request is read.</summary>
    /// <exception cref="AccessDeniedException">The record is another link worker's.</exception>
    public static void Demand(Caller caller, string linkWorkerId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsSystem && !caller.HasRole(AccessRoles.Supervisor) && !string.Equals(caller.Id, linkWorkerId, StringComparison.Ordinal))
        {
            throw new AccessDeniedException("A link worker's training record is theirs and their supervisors' to see and change.");
        }
    }

    private ILinkWorkerTrainingGrain Record(Caller caller, string linkWorkerId)
    {
        Demand(caller, linkWorkerId);
        return grains.GetGrain<ILinkWorkerTrainingGrain>(LinkWorkerTrainingKey.Of(caller.Tenant, linkWorkerId));
    }
}
