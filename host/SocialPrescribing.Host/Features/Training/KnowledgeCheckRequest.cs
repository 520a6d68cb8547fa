using SocialPrescribing.Abstractions.Training;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Training;

/// <summary>A knowledge check attempt: for each question id, the ids of the options chosen.</summary>
internal sealed record KnowledgeCheckRequest(IReadOnlyDictionary<string, IReadOnlyList<string?>?>? Answers)
{
    /// <summary>The attempt, or null when the answers are missing or hold a null (the validation then says where).</summary>
    public KnowledgeCheckAttempt? ToAttempt(RequestValidation validation)
    {
        if (Answers is not { Count: > 0 } answers)
        {
            validation.Add("answers", "Required: for each question id, the ids of the options chosen.");
            return null;
        }

        var chosen = new Dictionary<string, IReadOnlyList<string>>(answers.Count, StringComparer.Ordinal);
        foreach (var (questionId, options) in answers)
        {
            if (options is null)
            {
                validation.Add($"answers.{questionId}", "Required: the ids of the options chosen, [] for none.");
                continue;
            }

            for (var i = 0; i < options.Count; i++)
            {
                if (options[i] is null)
                {
                    validation.Add($"answers.{questionId}[{i}]", "Required: an option id.");
                }
            }

            chosen[questionId] = [.. options.OfType<string>()];
        }

        return validation.IsValid ? new KnowledgeCheckAttempt(chosen) : null;
    }
}
