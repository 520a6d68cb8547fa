using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Application.Access;
using SocialPrescribing.Application.Training;
using SocialPrescribing.Domain.Identity;
using SocialPrescribing.Domain.Tenants;
using SocialPrescribing.Domain.Training;
using SocialPrescribing.Grains.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>
/// Starting a module and taking its knowledge check, whichever door asks (the API, the console): the check is marked
/// against the module's answers here, and the record keeps the marks and the competencies a pass evidences.
/// </summary>
internal sealed class TrainingActions(TrainingUseCases training, TimeProvider time)
{
    /// <summary>
    /// The command's id: from the caller's replay key (an Idempotency-Key, a form's key) when there is one, so the same
    /// request twice is one change; else a new one.
    /// </summary>
    public Guid CommandId(TenantSettings tenant, string linkWorkerId, string moduleId, string operation, string? key)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return key is null ? JourneyIds.New(time) : DeterministicGuid.From("training", tenant.Id.Value, linkWorkerId, moduleId, operation, key);
    }

    /// <summary>Starts <paramref name="module"/> on the link worker's record.</summary>
    /// <exception cref="AccessDeniedException">The record is another link worker's.</exception>
    public Task<TrainingOutcome> StartAsync(Caller caller, string linkWorkerId, TrainingModuleInfo module, Guid commandId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(module);
        return training.SendAsync(caller, linkWorkerId, new StartModule(module.Id, module.Version, module.PluginId) { CommandId = commandId, Actor = caller.Id });
    }

    /// <summary>Marks the attempt and records it; a pass completes the module.</summary>
    /// <exception cref="KnowledgeCheckValidationException">An answer names a question or option the check does not have.</exception>
    /// <exception cref="AccessDeniedException">The record is another link worker's.</exception>
    public async Task<(TrainingOutcome Outcome, KnowledgeCheckResult Result)> AttemptAsync(
        Caller caller, string linkWorkerId, TrainingModuleInfo module, KnowledgeCheckAttempt attempt, Guid commandId, string? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(attempt);
        TrainingUseCases.Demand(caller, linkWorkerId);
        var result = module.KnowledgeCheck.Score(attempt);
        ImmutableArray<TrainingAnswer> marked =
        [
            .. result.Questions.Select(q => new TrainingAnswer(q.QuestionId, [.. attempt.Answers.GetValueOrDefault(q.QuestionId) ?? []], q.Correct)),
        ];
        ImmutableArray<CompetencyAchievement> achievements = [.. module.Outcomes.Select(o => new CompetencyAchievement(o.CompetencyId, o.Domain, o.Level))];
        var outcome = await training.SendAsync(caller, linkWorkerId, new RecordKnowledgeCheck(
            module.Id, result.Correct, result.Total, result.ScorePercent, result.PassMarkPercent, result.Passed, marked, achievements)
        {
            CommandId = commandId,
            Actor = caller.Id,
            Fingerprint = fingerprint,
        });
        return (outcome, result);
    }
}
