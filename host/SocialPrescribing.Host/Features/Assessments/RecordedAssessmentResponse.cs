using SocialPrescribing.Host.Features.SafetyAlerts;

namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>The answer to recording an assessment: what was recorded, alerts it raised, and where the journey stands.</summary>
internal sealed record RecordedAssessmentResponse(
    Guid JourneyId,
    AssessmentResponse Assessment,
    IReadOnlyList<SafetyAlertResponse> SafetyAlerts,
    string Status,
    long Version,
    bool Replayed,
    IReadOnlyList<string> AllowedCommands);
