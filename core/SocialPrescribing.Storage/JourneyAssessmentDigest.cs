namespace SocialPrescribing.Storage;

/// <summary>A journey's assessment digest (see <see cref="JourneySummary.AssessmentDigest"/>), for program outcome reports.</summary>
public sealed record JourneyAssessmentDigest(Guid JourneyId, string Digest);
