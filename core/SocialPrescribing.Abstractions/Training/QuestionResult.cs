namespace SocialPrescribing.Abstractions.Training;

/// <summary>How one question of an attempt was answered.</summary>
/// <param name="QuestionId">The question's id.</param>
/// <param name="Answered">True when at least one option was chosen.</param>
/// <param name="Correct">True when the options chosen were exactly the correct ones.</param>
public sealed record QuestionResult(string QuestionId, bool Answered, bool Correct);
