namespace SocialPrescribing.Host.Features.Assessments;

/// <summary>How a score moved, and the rule it was judged by: the threshold and which way is better.</summary>
internal sealed record ScoreChangeResponse(decimal Baseline, decimal Latest, decimal Change, string Direction, decimal MeaningfulChange, string Polarity);
