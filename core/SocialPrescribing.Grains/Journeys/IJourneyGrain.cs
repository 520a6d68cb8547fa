using SocialPrescribing.Domain.Journeys.Commands;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>One client journey. Key: the journey id, with the tenant id as key extension.</summary>
[Alias("sp.IJourneyGrain")]
public interface IJourneyGrain : IGrainWithGuidCompoundKey
{
    /// <summary>
    /// Validates the command against the state machine and durably appends its events before
    /// returning. A command id seen before returns the first result and appends nothing.
    /// </summary>
    [Alias("Execute")]
    Task<CommandOutcome> Execute(JourneyCommand command);

    /// <summary>Every event of the journey, oldest first; none when it does not exist.</summary>
    [Alias("GetHistory")]
    Task<JourneyHistory> GetHistory();
}
