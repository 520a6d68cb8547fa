namespace SocialPrescribing.Abstractions.Training;

/// <summary>The questions that close a module, the mark needed to pass, and how an attempt is scored.</summary>
public sealed record KnowledgeCheck
{
    /// <summary>The questions, in the order shown; at least one, with distinct ids.</summary>
    public required IReadOnlyList<KnowledgeCheckQuestion> Questions { get; init; }

    /// <summary>The share of questions to answer correctly to pass, as a percentage from 1 to 100, for example 80.</summary>
    public required int PassMarkPercent { get; init; }

    /// <summary>
    /// What is wrong with the check itself: no questions, a repeated question or option id, a question with no
    /// correct option or one naming an option it does not offer, a pass mark outside 1 to 100. Empty when the
    /// check is sound.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Questions is null || Questions.Count == 0)
        {
            problems.Add("The knowledge check has no questions.");
            return problems;
        }

        if (PassMarkPercent is < 1 or > 100)
        {
            problems.Add($"The pass mark is {PassMarkPercent}%; it must be from 1 to 100.");
        }

        var questionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in Questions)
        {
            if (string.IsNullOrWhiteSpace(question.Id) || !questionIds.Add(question.Id))
            {
                problems.Add($"Question id '{question.Id}' is empty or repeated.");
                continue;
            }

            var optionIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in question.Options)
            {
                if (string.IsNullOrWhiteSpace(option.Id) || !optionIds.Add(option.Id))
                {
                    problems.Add($"Question '{question.Id}': option id '{option.Id}' is empty or repeated.");
                }
            }

            if (question.CorrectOptionIds.Count == 0)
            {
                problems.Add($"Question '{question.Id}' has no correct option.");
            }

            foreach (var correct in question.CorrectOptionIds)
            {
                if (!optionIds.Contains(correct))
                {
                    problems.Add($"Question '{question.Id}': correct option '{correct}' is not one of its options.");
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Scores an attempt: a question is correct when the options chosen are exactly its correct options (the
    /// order and repeats do not matter); unanswered questions are wrong. The attempt passes when
    /// correct ÷ total reaches <see cref="PassMarkPercent"/>.
    /// </summary>
    /// <exception cref="KnowledgeCheckValidationException">
    /// The attempt answers a question the check does not have, or chooses an option its question does not offer.
    /// </exception>
    /// <exception cref="InvalidOperationException">The check itself is not sound (see <see cref="Problems"/>).</exception>
    public KnowledgeCheckResult Score(KnowledgeCheckAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(attempt.Answers);
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The knowledge check cannot be scored: " + string.Join(" ", problems));
        }

        foreach (var questionId in attempt.Answers.Keys)
        {
            if (!Questions.Any(q => q.Id == questionId))
            {
                throw new KnowledgeCheckValidationException(questionId, $"The knowledge check has no question '{questionId}'.");
            }
        }

        var results = new List<QuestionResult>(Questions.Count);
        foreach (var question in Questions)
        {
            var chosen = attempt.Answers.TryGetValue(question.Id, out var ids) && ids is not null
                ? new HashSet<string>(ids, StringComparer.Ordinal)
                : [];
            foreach (var id in chosen)
            {
                if (!question.Options.Any(o => o.Id == id))
                {
                    throw new KnowledgeCheckValidationException(question.Id, $"Question '{question.Id}' has no option '{id}'.");
                }
            }

            var correct = chosen.Count > 0 && chosen.SetEquals(question.CorrectOptionIds);
            results.Add(new QuestionResult(question.Id, chosen.Count > 0, correct));
        }

        var right = results.Count(r => r.Correct);
        return new KnowledgeCheckResult
        {
            Correct = right,
            Total = results.Count,
            ScorePercent = Math.Round(100m * right / results.Count, 2, MidpointRounding.AwayFromZero),
            PassMarkPercent = PassMarkPercent,
            Passed = right * 100 >= PassMarkPercent * results.Count,
            Questions = results,
        };
    }
}
