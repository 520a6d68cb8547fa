namespace SocialPrescribing.Storage;

/// <summary>
/// A journey's assessment digest (see <see cref="JourneySummary.AssessmentDigest"/>), for program outcome reports.
/// <see cref="Counted"/> is false for a row written before the caseload kept when its assessments were taken (until
/// <c>projections rebuild</c> or the journey's next change): <see cref="IJourneyStore.CountAssessedJourneysAsync"/>
/// does not count it, so the report counts it from its digest.
/// </summary>
public sealed record JourneyAssessmentDigest(Guid JourneyId, string Digest)
{
    public bool Counted { get; init; } = true;
}
