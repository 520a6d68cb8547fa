namespace SocialPrescribing.Abstractions.Training;

/// <summary>One lesson of a module.</summary>
public sealed record Lesson
{
    /// <summary>The lesson's id within its module, for example <c>open-questions</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The title shown to link workers.</summary>
    public required string Title { get; init; }

    /// <summary>The lesson's content as CommonMark (Markdown) text.</summary>
    public required string Content { get; init; }

    /// <summary>About how long the lesson takes, in minutes.</summary>
    public int EstimatedMinutes { get; init; }
}
