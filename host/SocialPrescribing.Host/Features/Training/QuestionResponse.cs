using SocialPrescribing.Abstractions.Training;

namespace SocialPrescribing.Host.Features.Training;

internal sealed record QuestionResponse(string Id, string Prompt, IReadOnlyList<AnswerOption> Options, bool MultipleAnswers);
