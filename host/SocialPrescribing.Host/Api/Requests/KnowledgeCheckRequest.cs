namespace SocialPrescribing.Host.Api.Requests;

/// <summary>A knowledge check attempt: for each question id, the ids of the options chosen.</summary>
internal sealed record KnowledgeCheckRequest(IReadOnlyDictionary<string, IReadOnlyList<string>>? Answers);
