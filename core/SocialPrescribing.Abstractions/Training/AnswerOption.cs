namespace SocialPrescribing.Abstractions.Training;

/// <summary>One answer offered by a knowledge-check question.</summary>
/// <param name="Id">The option's id within its question, for example <c>b</c>.</param>
/// <param name="Text">The answer as shown.</param>
public sealed record AnswerOption(string Id, string Text);
