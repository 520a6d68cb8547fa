namespace SocialPrescribing.Abstractions.Training;

/// <summary>The score of one attempt at a knowledge check.</summary>
public sealed record KnowledgeCheckResult
{
    /// <summary>Questions answered correctly.</summary>
    public required int Correct { get; init; }

    /// <summary>Questions in the check.</summary>
    public required int Total { get; init; }

    /// <summary>The share answered correctly, as a percentage from 0 to 100 rounded to two decimals.</summary>
    public required decimal ScorePercent { get; init; }

    /// <summary>The pass mark the attempt was judged against, as a percentage.</summary>
    public required int PassMarkPercent { get; init; }

    /// <summary>True when the unrounded score reaches the pass mark.</summary>
    public required bool Passed { get; init; }

    /// <summary>Each question's outcome, in the check's order.</summary>
    public required IReadOnlyList<QuestionResult> Questions { get; init; }
}
