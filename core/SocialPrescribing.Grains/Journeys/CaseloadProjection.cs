using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Outcomes;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Grains.Journeys;

/// <summary>
/// The caseload read model, an inline projection: one row per journey, written in the same transaction as the
/// journey's events, so listings, the supervisors' safety-alert list, reconciliation lookups (trips awaiting a
/// partner, pending first-contact checks) and program outcome reports (the assessment digest) never read streams and
/// never lag them. What a row holds is decided here alone; <c>projections rebuild</c> writes every row again from
/// the events with the same code.
/// </summary>
public static class CaseloadProjection
{
    /// <summary>The projection's name, as <c>projections rebuild --name</c> takes it.</summary>
    public const string Name = "caseload";

    /// <summary>The row of a journey in <paramref name="state"/>.</summary>
    public static JourneySummary Project(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(
            WireNames.Of(state.Status),
            state.LinkWorkerId,
            $"{state.Client!.GivenName} {state.Client.FamilyName}",
            state.ReferredAt!.Value,
            state.FirstContactDueAt,
            state.FirstContactOverdueAt is not null,
            state.AwaitsFirstContactCheck,
            state.UpdatedAt)
        {
            OpenSafetyAlerts = state.OpenSafetyAlerts,
            TripsAwaitingPartner = state.Trips.Count(t => t.Status == TransportTripStatus.Requested),
            AssessmentDigest = AssessmentDigest.Write(state.Assessments),
            CommunityReferrals = CommunityReferralDigest.Write(state),
            UnmetNeeds = UnmetNeedDigest.Write(state),
            FirstContactAt = state.FirstContactAt,
            // Contacts are kept in the order they were recorded: the last is the latest, found without walking them all
            // (a long journey holds many, and this runs on every append).
            LastContactAt = state.Contacts.Count == 0 ? null : state.Contacts[^1].At,
            NextFollowUpOn = state.FollowUps.Where(f => f.IsOpen).Select(f => (DateOnly?)f.DueOn).Min(),
            ActivePrograms = state.CommunityReferrals.Count(r => r.Status is CommunityReferralStatus.Requested or CommunityReferralStatus.Accepted
                or CommunityReferralStatus.InProgress or CommunityReferralStatus.OnHold),
            BirthDate = state.Client.BirthDate,
            SafetyAlerts = SafetyAlertDigest.Write(state),
            OldestOpenAlertAt = SafetyAlertDigest.OldestOpen(state),
            FirstAssessedAt = state.Assessments.Select(a => (DateTimeOffset?)a.RecordedAt).Min(),
            LastAssessedAt = state.Assessments.Select(a => (DateTimeOffset?)a.RecordedAt).Max(),
            BaselineInstruments = AssessmentDigest.BaselineInstruments(state.Assessments),
            FirstProgramReferralAt = state.CommunityReferrals.Select(r => (DateTimeOffset?)r.MadeAt).Min(),
            PartnerAnswerAwaitedSince = state.ReferralsAwaitingAnswer.Select(r => (DateTimeOffset?)r.MadeAt).Min(),
            FirstProgramStartedAt = state.CommunityReferrals.Select(r => r.StartedAt).Min(),
            OutcomeMeasures = OutcomeMeasures.Write(state.Assessments),
            LastUnnotifiedEmergencyAccessAt = state.EmergencyAccessUnnotified.Select(g => (DateTimeOffset?)g.OpenedAt).Max(),
        };
    }

    /// <summary>The row of the journey whose stored events are <paramref name="events"/>, for rebuilding.</summary>
    public static JourneySummary Project(IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Project(JourneyState.Fold(events.Select(e => JourneyJson.Deserialize(e.Data))));
    }
}
