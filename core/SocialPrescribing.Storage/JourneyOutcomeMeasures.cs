namespace SocialPrescribing.Storage;

/// <summary>
/// What a program outcome report reads of one journey: its outcome measures (<see cref="JourneySummary.OutcomeMeasures"/>),
/// or, for a row written before the caseload kept them, its assessment digest (<see cref="JourneySummary.AssessmentDigest"/>)
/// instead. <see cref="Counted"/> is false for a row written before the caseload kept when its assessments were taken
/// (until <c>projections rebuild</c> or the journey's next change): <see cref="IJourneyStore.CountAssessedJourneysAsync"/>
/// does not count it, so the report counts it itself.
/// </summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Measures">The outcome measures' text, or null for an older row.</param>
/// <param name="Digest">The assessment digest when <paramref name="Measures"/> is null, else null.</param>
public sealed record JourneyOutcomeMeasures(Guid JourneyId, string? Measures, string? Digest)
{
    public bool Counted { get; init; } = true;
}

/// <summary>
/// The people first referred to a community program in a period, counted by the store per link worker, and the referral
/// digests of rows written before the caseload kept when a journey's first referral was made and started (which the
/// report reads itself).
/// </summary>
public sealed record ProgramConnections(IReadOnlyList<LinkWorkerConnections> Counted, IReadOnlyList<JourneyReferralDigest> Uncounted);

/// <summary>One link worker's people first referred in a period (<see cref="Referred"/>) and those who started a program by its end.</summary>
/// <param name="LinkWorkerId">The link worker, or null for journeys not assigned.</param>
/// <param name="Referred">Journeys whose first community referral was made in the period.</param>
/// <param name="Connected">Of them, those whose first program started by the period's end.</param>
public sealed record LinkWorkerConnections(string? LinkWorkerId, int Referred, int Connected);
