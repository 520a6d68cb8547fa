using SocialPrescribing.Abstractions.Training;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A marked knowledge check attempt and where the module stands after it.</summary>
internal sealed record AttemptResponse(
    string ModuleId,
    int Correct,
    int Total,
    decimal ScorePercent,
    int PassMarkPercent,
    bool Passed,
    IReadOnlyList<QuestionResult> Questions,
    ProgressResponse Progress);
