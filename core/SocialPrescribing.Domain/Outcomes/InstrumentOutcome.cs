using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Domain.Outcomes;

/// <summary>
/// One instrument's outcome on a journey: the baseline, the latest measure after it, every measure in order, and
/// the change judged by the instrument's own meaningful-change rule.
/// </summary>
/// <param name="Instrument">The instrument id.</param>
/// <param name="Baseline">The first baseline measure, or null when none was recorded.</param>
/// <param name="Latest">The latest follow-up or discharge measure after the baseline, or null when there is none yet.</param>
/// <param name="Series">Every measure of the instrument, oldest first.</param>
/// <param name="Comparison">Baseline against latest, or null while either is missing or the instrument is not available to the tenant.</param>
public sealed record InstrumentOutcome(
    string Instrument,
    RecordedAssessment? Baseline,
    RecordedAssessment? Latest,
    ImmutableArray<RecordedAssessment> Series,
    AssessmentComparison? Comparison);
