namespace SocialPrescribing.Abstractions.Training;

/// <summary>
/// A multiple-choice question. It is answered correctly when the options chosen are exactly
/// <see cref="CorrectOptionIds"/>: one for a single-answer question, several for a "choose all that apply" one.
/// </summary>
public sealed record KnowledgeCheckQuestion
{
    /// <summary>The question's id within its check, for example <c>q1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The question as shown.</summary>
    public required string Prompt { get; init; }

    /// <summary>The answers offered, in the order shown.</summary>
    public required IReadOnlyList<AnswerOption> Options { get; init; }

    /// <summary>The ids of the correct options; at least one.</summary>
    public required IReadOnlyList<string> CorrectOptionIds { get; init; }

    /// <summary>Why the correct answer is correct, shown after the attempt; or null.</summary>
    public string? Explanation { get; init; }
}
