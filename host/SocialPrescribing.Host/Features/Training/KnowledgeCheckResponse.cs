namespace SocialPrescribing.Host.Features.Training;

/// <summary>The knowledge check without its answers; <c>multipleAnswers</c> says when more than one option is right.</summary>
internal sealed record KnowledgeCheckResponse(int PassMarkPercent, IReadOnlyList<QuestionResponse> Questions);
