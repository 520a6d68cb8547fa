namespace SocialPrescribing.Abstractions.Training;

/// <summary>A link worker's answers to a knowledge check.</summary>
/// <param name="Answers">
/// The ids of the options chosen, keyed by question id. A question left out, or answered with no option, counts
/// as wrong.
/// </param>
public sealed record KnowledgeCheckAttempt(IReadOnlyDictionary<string, IReadOnlyList<string>> Answers);
