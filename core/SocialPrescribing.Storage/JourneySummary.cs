namespace SocialPrescribing.Storage;

/// <summary>
/// The caseload row of a journey, rewritten with every append so listings never read streams. Its values are decided by
/// the caseload projection; its columns are declared once, in <see cref="Columns"/>, from which every store writes and
/// reads it. A new column is a property here, its line in <see cref="Columns"/>, its value in the projection and a
/// migration per engine; no store code changes.
/// </summary>
public sealed record JourneySummary(
    string Status,
    string? LinkWorkerId,
    string ClientName,
    DateTimeOffset ReferredAt,
    DateTimeOffset? FirstContactDueAt,
    bool FirstContactOverdue,
    bool AwaitsFirstContactCheck,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Safety alerts on the journey that no supervisor has acknowledged yet; shown on every caseload row.</summary>
    public int OpenSafetyAlerts { get; init; }

    /// <summary>Trips requested and not yet answered by their partner; reconciliation books them again after a lost job.</summary>
    public int TripsAwaitingPartner { get; init; }

    /// <summary>
    /// The journey's assessment scores as JSON (no responses, no notes), written with every append so program
    /// outcome reports never read streams. Null when the journey has no assessment; never returned by listings.
    /// </summary>
    public string? AssessmentDigest { get; init; }

    /// <summary>
    /// The journey's community referrals as JSON (<c>CommunityReferralDigest</c>: no notes, no person), written with
    /// every append so a partner's list of the referrals addressed to it, providers' response figures and the share of
    /// people connected never read streams. Null when the journey has no community referral.
    /// </summary>
    public string? CommunityReferrals { get; init; }

    /// <summary>When the first contact was made; null until it is.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>When the latest contact was made; null before the first.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>The earliest follow-up not yet done, if one is scheduled.</summary>
    public DateOnly? NextFollowUpOn { get; init; }

    /// <summary>Community referrals still live (requested, accepted, started or waitlisted).</summary>
    public int ActivePrograms { get; init; }

    /// <summary>The person's birth date: with their name, how a possible duplicate referral is found.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>The journey's unmet needs as JSON (need, when, area; no details), for the unmet-needs report; null when none.</summary>
    public string? UnmetNeeds { get; init; }

    /// <summary>
    /// The journey's open safety alerts as JSON (<c>SafetyAlertDigest</c>), oldest first, for the supervisors' list of
    /// open alerts; null when none is open.
    /// </summary>
    public string? SafetyAlerts { get; init; }

    /// <summary>When the oldest open safety alert was raised: the order of the supervisors' list; null when none is open.</summary>
    public DateTimeOffset? OldestOpenAlertAt { get; init; }

    /// <summary>When the journey's first assessment was recorded; with <see cref="LastAssessedAt"/>, which outcome reports of a period read.</summary>
    public DateTimeOffset? FirstAssessedAt { get; init; }

    /// <summary>When the journey's latest assessment was recorded.</summary>
    public DateTimeOffset? LastAssessedAt { get; init; }

    /// <summary>The instruments the journey has a baseline of, as a JSON array of ids; null when none. Outcome reports count them.</summary>
    public string? BaselineInstruments { get; init; }

    /// <summary>When the journey's first community referral was made: the share of people connected in a period reads it.</summary>
    public DateTimeOffset? FirstProgramReferralAt { get; init; }

    /// <summary>
    /// When the journey's first community referral started (the earliest a person attended, began or completed a program);
    /// null when none has. With <see cref="FirstProgramReferralAt"/>, the share of people connected is counted in the store.
    /// </summary>
    public DateTimeOffset? FirstProgramStartedAt { get; init; }

    /// <summary>
    /// When the latest emergency access the tenant's privacy officers have not been told of was opened; null when they
    /// have been told of every one. Reconciliation finds the recent notices a lost job did not send off its index.
    /// </summary>
    public DateTimeOffset? LastUnnotifiedEmergencyAccessAt { get; init; }

    /// <summary>
    /// What outcome reports need of the journey's assessments, per instrument (see <c>OutcomeMeasures</c>): a compact
    /// text of times and scores, read instead of the assessment digest; null when the journey has no assessment.
    /// </summary>
    public string? OutcomeMeasures { get; init; }

    /// <summary>
    /// When the oldest community referral still awaiting its provider's answer was made (addressed, requested,
    /// unanswered, not yet found overdue, the journey engaged); null when none is. The partner-response sweep reads the
    /// journeys past their deadline off its index.
    /// </summary>
    public DateTimeOffset? PartnerAnswerAwaitedSince { get; init; }

    /// <summary>A row with every column at its zero value, which readers fill column by column.</summary>
    public static JourneySummary Empty { get; } = new(string.Empty, null, string.Empty, default, null, false, false, default);

    /// <summary>The row's columns (beyond the tenant, the journey and its version), in the order the stores write them.</summary>
    public static IReadOnlyList<CaseloadColumn> Columns { get; } =
    [
        CaseloadColumn.Text("status", s => s.Status, (s, v) => s with { Status = v! }),
        CaseloadColumn.Text("link_worker_id", s => s.LinkWorkerId, (s, v) => s with { LinkWorkerId = v }, nullable: true),
        CaseloadColumn.Text("client_name", s => s.ClientName, (s, v) => s with { ClientName = v! }),
        CaseloadColumn.Instant("referred_at", s => s.ReferredAt, (s, v) => s with { ReferredAt = v!.Value }),
        CaseloadColumn.Instant("first_contact_due_at", s => s.FirstContactDueAt, (s, v) => s with { FirstContactDueAt = v }, nullable: true),
        CaseloadColumn.Boolean("first_contact_overdue", s => s.FirstContactOverdue, (s, v) => s with { FirstContactOverdue = v }),
        CaseloadColumn.Boolean("awaits_first_contact_check", s => s.AwaitsFirstContactCheck, (s, v) => s with { AwaitsFirstContactCheck = v }),
        CaseloadColumn.Instant("updated_at", s => s.UpdatedAt, (s, v) => s with { UpdatedAt = v!.Value }),
        CaseloadColumn.Count("open_safety_alerts", s => s.OpenSafetyAlerts, (s, v) => s with { OpenSafetyAlerts = v }),
        CaseloadColumn.Text("assessment_digest", s => s.AssessmentDigest, (s, v) => s with { AssessmentDigest = v }, nullable: true, listed: false),
        CaseloadColumn.Count("trips_awaiting_partner", s => s.TripsAwaitingPartner, (s, v) => s with { TripsAwaitingPartner = v }),
        CaseloadColumn.Json("community_referrals", s => s.CommunityReferrals, (s, v) => s with { CommunityReferrals = v }),
        CaseloadColumn.Json("unmet_needs", s => s.UnmetNeeds, (s, v) => s with { UnmetNeeds = v }),
        CaseloadColumn.Instant("first_contact_at", s => s.FirstContactAt, (s, v) => s with { FirstContactAt = v }, nullable: true),
        CaseloadColumn.Instant("last_contact_at", s => s.LastContactAt, (s, v) => s with { LastContactAt = v }, nullable: true),
        CaseloadColumn.Date("next_follow_up_on", s => s.NextFollowUpOn, (s, v) => s with { NextFollowUpOn = v }),
        CaseloadColumn.Count("active_programs", s => s.ActivePrograms, (s, v) => s with { ActivePrograms = v }),
        CaseloadColumn.Date("birth_date", s => s.BirthDate, (s, v) => s with { BirthDate = v }),
        CaseloadColumn.Json("safety_alerts", s => s.SafetyAlerts, (s, v) => s with { SafetyAlerts = v }, listed: true),
        CaseloadColumn.Instant("oldest_open_alert_at", s => s.OldestOpenAlertAt, (s, v) => s with { OldestOpenAlertAt = v }, nullable: true),
        CaseloadColumn.Instant("first_assessed_at", s => s.FirstAssessedAt, (s, v) => s with { FirstAssessedAt = v }, nullable: true),
        CaseloadColumn.Instant("last_assessed_at", s => s.LastAssessedAt, (s, v) => s with { LastAssessedAt = v }, nullable: true),
        CaseloadColumn.Json("baseline_instruments", s => s.BaselineInstruments, (s, v) => s with { BaselineInstruments = v }),
        CaseloadColumn.Instant("first_program_referral_at", s => s.FirstProgramReferralAt, (s, v) => s with { FirstProgramReferralAt = v }, nullable: true),
        CaseloadColumn.Instant("partner_answer_awaited_since", s => s.PartnerAnswerAwaitedSince, (s, v) => s with { PartnerAnswerAwaitedSince = v }, nullable: true),
        CaseloadColumn.Instant("first_program_started_at", s => s.FirstProgramStartedAt, (s, v) => s with { FirstProgramStartedAt = v }, nullable: true),
        CaseloadColumn.Text("outcome_measures", s => s.OutcomeMeasures, (s, v) => s with { OutcomeMeasures = v }, nullable: true, listed: false),
        CaseloadColumn.Instant("last_unnotified_emergency_access_at", s => s.LastUnnotifiedEmergencyAccessAt, (s, v) => s with { LastUnnotifiedEmergencyAccessAt = v }, nullable: true),
    ];
}
