namespace SocialPrescribing.Abstractions.Training;

/// <summary>
/// An attempt that cannot be scored: it answers a question the check does not have, or chooses an option the
/// question does not offer. The HTTP layer answers it with a 400 naming <see cref="QuestionId"/>.
/// </summary>
public sealed class KnowledgeCheckValidationException : Exception
{
    /// <summary>The <see cref="QuestionId"/> used when the attempt as a whole, rather than one question, is at fault.</summary>
    public const string AnswersKey = "answers";

    /// <summary>Creates the exception for a problem with the attempt as a whole.</summary>
    public KnowledgeCheckValidationException()
        : this(AnswersKey, "The answers cannot be scored.")
    {
    }

    /// <summary>Creates the exception for a problem with the attempt as a whole.</summary>
    public KnowledgeCheckValidationException(string message)
        : this(AnswersKey, message)
    {
    }

    /// <summary>Creates the exception for a problem with the attempt as a whole, caused by another exception.</summary>
    public KnowledgeCheckValidationException(string message, Exception innerException)
        : base(message, innerException) => QuestionId = AnswersKey;

    /// <summary>Creates the exception naming the question at fault.</summary>
    public KnowledgeCheckValidationException(string questionId, string message)
        : base(message) => QuestionId = questionId;

    /// <summary>The id of the question at fault, or <see cref="AnswersKey"/>.</summary>
    public string QuestionId { get; }
}
