namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>How one score moved between a baseline and a later result.</summary>
/// <param name="Baseline">The score in the baseline result.</param>
/// <param name="Latest">The score in the later result.</param>
/// <param name="Change">The later score minus the baseline score; negative when the score fell.</param>
/// <param name="Direction">Whether the move is meaningful and, if so, whether it is for the better.</param>
public sealed record ScoreChange(decimal Baseline, decimal Latest, decimal Change, ChangeDirection Direction);
