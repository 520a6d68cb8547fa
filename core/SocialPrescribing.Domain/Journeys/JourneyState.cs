using System.Collections.Immutable;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Journeys.Transport;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>What is known about a journey: nothing but a left fold of its events.</summary>
[GenerateSerializer, Immutable, Alias("sp.JourneyState")]
public sealed record JourneyState
{
    public static readonly JourneyState Empty = new();

    [Id(0)] public JourneyStatus Status { get; init; } = JourneyStatus.None;

    /// <summary>The number of events folded into this state.</summary>
    [Id(1)] public long Version { get; init; }

    [Id(2)] public ClientDetails? Client { get; init; }
    [Id(3)] public ReferrerDetails? Referrer { get; init; }
    [Id(4)] public ReferralSource? Source { get; init; }
    [Id(5)] public ImmutableArray<string> Reasons { get; init; } = [];
    [Id(6)] public string? ReferralNotes { get; init; }
    [Id(7)] public DateTimeOffset? ReferredAt { get; init; }

    [Id(8)] public string? LinkWorkerId { get; init; }
    [Id(9)] public DateTimeOffset? AcceptedAt { get; init; }
    [Id(10)] public DateTimeOffset? FirstContactDueAt { get; init; }
    [Id(11)] public DateTimeOffset? FirstContactAt { get; init; }
    [Id(12)] public DateTimeOffset? FirstContactOverdueAt { get; init; }

    [Id(13)] public int ContactAttempts { get; init; }

    /// <summary>Failed attempts since the last contact (or since the referral, before any contact).</summary>
    [Id(14)] public int AttemptsSinceContact { get; init; }
    [Id(15)] public ImmutableList<ContactRecord> Contacts { get; init; } = [];
    [Id(16)] public ImmutableArray<string> WhatMatters { get; init; } = [];
    [Id(17)] public DateTimeOffset? WhatMattersRecordedAt { get; init; }
    [Id(18)] public ImmutableArray<string> Goals { get; init; } = [];
    [Id(19)] public DateTimeOffset? PlanAgreedAt { get; init; }
    [Id(20)] public ImmutableList<CommunityReferral> CommunityReferrals { get; init; } = [];
    [Id(21)] public ImmutableList<FollowUp> FollowUps { get; init; } = [];
    [Id(22)] public ImmutableList<RecordedAssessment> Assessments { get; init; } = [];
    [Id(23)] public ImmutableList<SafetyAlert> SafetyAlerts { get; init; } = [];
    [Id(24)] public ImmutableList<TransportTrip> Trips { get; init; } = [];

    /// <summary>Safety alerts not yet acknowledged by a supervisor.</summary>
    public int OpenSafetyAlerts => SafetyAlerts.Count(a => a.IsOpen);

    [Id(25)] public DateTimeOffset? ClosedAt { get; init; }
    [Id(26)] public string? ClosureReason { get; init; }
    [Id(27)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>What the person agrees to now: <see cref="ConsentChoices.Default"/> until they record or withdraw a consent.</summary>
    [Id(28)] public ConsentChoices Consent { get; init; } = ConsentChoices.Default;

    /// <summary>When the person last recorded or withdrew a consent, and who recorded it; null while the defaults hold.</summary>
    [Id(29)] public DateTimeOffset? ConsentUpdatedAt { get; init; }
    [Id(30)] public string? ConsentUpdatedBy { get; init; }

    /// <summary>The lock-box directives in force, oldest first; a released one is gone. <see cref="Disclosure"/> reads them.</summary>
    [Id(31)] public ImmutableList<WithholdingDirective> WithholdingDirectives { get; init; } = [];

    /// <summary>Who sent the referral (the user or client id of the request): the referrer whose status view it is.</summary>
    [Id(32)] public string? ReferredBy { get; init; }

    /// <summary>Emergency (break-glass) accesses opened on the journey, oldest first, in force or ended.</summary>
    [Id(33)] public ImmutableList<EmergencyAccessGrant> EmergencyAccess { get; init; } = [];

    /// <summary>The person's barriers and preferences as last recorded; null until recorded.</summary>
    [Id(34)] public BarriersAndPreferences? Barriers { get; init; }
    [Id(35)] public DateTimeOffset? BarriersRecordedAt { get; init; }

    /// <summary>Needs no program of the directory could meet, in the order recorded.</summary>
    [Id(36)] public ImmutableList<UnmetNeed> UnmetNeeds { get; init; } = [];

    /// <summary>The emergency access <paramref name="userId"/> holds at <paramref name="now"/>, the latest to end, or null.</summary>
    public EmergencyAccessGrant? EmergencyAccessOf(string userId, DateTimeOffset now) =>
        EmergencyAccess
            .Where(g => string.Equals(g.UserId, userId, StringComparison.Ordinal) && g.IsActiveAt(now))
            .MaxBy(g => g.ExpiresAt);

    public bool Exists => Status != JourneyStatus.None;

    public bool IsClosed => Status is JourneyStatus.Discharged or JourneyStatus.Declined or JourneyStatus.UnableToContact;

    /// <summary>True while the first-contact deadline can still pass unmet, which is when a check must be pending.</summary>
    public bool AwaitsFirstContactCheck =>
        Status == JourneyStatus.Accepted && FirstContactDueAt is not null && FirstContactOverdueAt is null;

    /// <summary>
    /// The community referrals whose provider's answer is awaited: addressed to a provider, requested, not answered and
    /// not yet found overdue, while the journey is engaged (what <c>CheckPartnerResponse</c> can still act on).
    /// </summary>
    public IEnumerable<CommunityReferral> ReferralsAwaitingAnswer =>
        Status == JourneyStatus.Engaged
            ? CommunityReferrals.Where(r => r is { Status: CommunityReferralStatus.Requested, AnsweredAt: null, ResponseOverdueAt: null, IsAddressed: true })
            : [];

    /// <summary>The emergency accesses the tenant's privacy officers have not yet been told of, oldest first.</summary>
    public IEnumerable<EmergencyAccessGrant> EmergencyAccessUnnotified => EmergencyAccess.Where(g => g.NotifiedAt is null);

    public static JourneyState Fold(IEnumerable<JourneyEvent> events) => events.Aggregate(Empty, (state, e) => state.Apply(e));

    public JourneyState Apply(JourneyEvent e) =>
        When(e) with { Version = Version + 1, UpdatedAt = e.OccurredAt };

    private JourneyState When(JourneyEvent e) => e switch
    {
        ReferralReceived r => this with
        {
            Status = JourneyStatus.Referred,
            ReferredBy = r.Actor,
            Client = r.Client,
            Referrer = r.Referrer,
            Source = r.Source,
            Reasons = r.Reasons,
            ReferralNotes = r.Notes,
            ReferredAt = r.OccurredAt,
        },
        ReferralAccepted a => this with
        {
            Status = JourneyStatus.Accepted,
            LinkWorkerId = a.LinkWorkerId,
            AcceptedAt = a.OccurredAt,
            FirstContactDueAt = a.FirstContactDueAt,
        },
        ReferralDeclined d => Close(JourneyStatus.Declined, d.Reason, d.OccurredAt),
        LinkWorkerReassigned r => this with { LinkWorkerId = r.To },
        ContactAttempted => this with { ContactAttempts = ContactAttempts + 1, AttemptsSinceContact = AttemptsSinceContact + 1 },
        ClosedUnableToContact c => Close(JourneyStatus.UnableToContact, c.Reason, c.OccurredAt),
        ContactRecorded c => this with
        {
            Status = JourneyStatus.Engaged,
            FirstContactAt = FirstContactAt ?? c.OccurredAt,
            AttemptsSinceContact = 0,
            Contacts = Contacts.Add(new ContactRecord(c.Mode, c.Purpose, c.Notes, c.OccurredAt, c.Actor)),
        },
        WhatMattersRecorded w => this with { WhatMatters = w.Items, WhatMattersRecordedAt = w.OccurredAt },
        BarriersRecorded b => this with { Barriers = b.Circumstances, BarriersRecordedAt = b.OccurredAt },
        PlanAgreed p => this with { Goals = p.Goals, PlanAgreedAt = p.OccurredAt },
        CommunityReferralMade m => this with
        {
            CommunityReferrals = CommunityReferrals.Add(new CommunityReferral(
                m.CommunityReferralId, m.Program, m.Notes, CommunityReferralStatus.Requested, m.OccurredAt, m.OccurredAt)),
        },
        CommunityReferralStatusChanged s => this with
        {
            CommunityReferrals = CommunityReferrals.Select(r => r.Id == s.CommunityReferralId
                ? r with { Status = s.To, UpdatedAt = s.OccurredAt }
                : r).ToImmutableList(),
        },
        CommunityReferralAnswered a => WithCommunityReferral(a.CommunityReferralId, r => r with
        {
            Status = a.To,
            UpdatedAt = a.OccurredAt,
            LastAnswer = a.Answer,
            AnsweredAt = r.AnsweredAt ?? a.OccurredAt,
            DeclineReason = a.Answer == PartnerAnswer.Declined ? a.Reason : r.DeclineReason,
            StartedAt = a.Answer == PartnerAnswer.Attended ? r.StartedAt ?? a.OccurredAt : r.StartedAt,
            SessionsAttended = r.SessionsAttended + (a.Answer == PartnerAnswer.Attended ? 1 : 0),
            SessionsMissed = r.SessionsMissed + (a.Answer == PartnerAnswer.DidNotAttend ? 1 : 0),
            PartnerNote = a.Note ?? r.PartnerNote,
        }),
        PartnerResponseOverdue o => WithCommunityReferral(o.CommunityReferralId, r => r with { ResponseOverdueAt = o.OccurredAt }) with
        {
            FollowUps = FollowUps.Add(new FollowUp(o.FollowUpId, o.DueOn, o.OccurredAt) { CommunityReferralId = o.CommunityReferralId }),
        },
        UnmetNeedRecorded u => this with { UnmetNeeds = UnmetNeeds.Add(new UnmetNeed(u.UnmetNeedId, u.Need, u.Details, u.OccurredAt)) },
        FollowUpScheduled f => this with { FollowUps = FollowUps.Add(new FollowUp(f.FollowUpId, f.DueOn, f.OccurredAt)) },
        FollowUpCompleted f => this with
        {
            FollowUps = FollowUps.Select(u => u.Id == f.FollowUpId ? u with { CompletedAt = f.OccurredAt, Notes = f.Notes } : u).ToImmutableList(),
        },
        AssessmentRecorded a => this with { Assessments = Assessments.Add(RecordedAssessment.From(a)) },
        SafetyAlertRaised r => this with
        {
            SafetyAlerts = SafetyAlerts.Add(new SafetyAlert(r.AlertId, r.AssessmentId, r.Instrument, r.Flag, r.OccurredAt, null, null, null, null)),
        },
        SafetyAlertNotified n => WithAlert(n.AlertId, a => a with { NotifiedAt = n.OccurredAt }),
        SafetyAlertAcknowledged k => WithAlert(k.AlertId, a => a with { AcknowledgedAt = k.OccurredAt, AcknowledgedBy = k.Actor, AcknowledgementNote = k.Note }),
        TransportRequested r => this with
        {
            Trips = Trips.Add(new TransportTrip(
                r.TripId, r.Partner, r.Details, r.QuoteReference, TransportTripStatus.Requested, null, null, null, null, r.OccurredAt, r.OccurredAt)),
        },
        TransportConfirmed c => WithTrip(c.TripId, t => t with
        {
            Status = TransportTripStatus.Confirmed,
            PartnerReference = c.PartnerReference,
            ScheduledPickup = c.ScheduledPickup,
            ScheduledReturnPickup = c.ScheduledReturnPickup,
            UpdatedAt = c.OccurredAt,
        }),
        TransportFailed f => WithTrip(f.TripId, t => t with { Status = TransportTripStatus.Failed, Reason = f.Reason, UpdatedAt = f.OccurredAt }),
        TransportCancelled x => WithTrip(x.TripId, t => t with { Status = TransportTripStatus.Cancelled, Reason = x.Reason, UpdatedAt = x.OccurredAt }),
        FirstContactOverdue o => this with { FirstContactOverdueAt = o.OccurredAt },
        Discharged d => Close(JourneyStatus.Discharged, d.Reason, d.OccurredAt),
        ConsentRecorded c => this with { Consent = c.Consent, ConsentUpdatedAt = c.OccurredAt, ConsentUpdatedBy = c.Actor },
        ConsentWithdrawn w => this with { Consent = Consent.Without(w.Scopes), ConsentUpdatedAt = w.OccurredAt, ConsentUpdatedBy = w.Actor },
        InformationWithheld w => this with
        {
            WithholdingDirectives = WithholdingDirectives.Add(new WithholdingDirective(w.DirectiveId, w.Parts, w.Roles, w.RecipientIds, w.OccurredAt, w.Actor)),
        },
        WithheldInformationReleased r => this with { WithholdingDirectives = WithholdingDirectives.RemoveAll(d => d.Id == r.DirectiveId) },
        EmergencyAccessOpened o => this with { EmergencyAccess = EmergencyAccess.Add(new EmergencyAccessGrant(o.GrantId, o.Actor, o.Reason, o.OccurredAt, o.ExpiresAt)) },
        EmergencyAccessNotified n => this with
        {
            EmergencyAccess = EmergencyAccess.Select(g => g.Id == n.GrantId ? g with { NotifiedAt = n.OccurredAt } : g).ToImmutableList(),
        },
        _ => throw new InvalidOperationException($"No fold for event type {e.GetType().Name}."),
    };

    private JourneyState WithTrip(Guid id, Func<TransportTrip, TransportTrip> change) =>
        this with { Trips = Trips.Select(t => t.Id == id ? change(t) : t).ToImmutableList() };

    private JourneyState WithCommunityReferral(Guid id, Func<CommunityReferral, CommunityReferral> change) =>
        this with { CommunityReferrals = CommunityReferrals.Select(r => r.Id == id ? change(r) : r).ToImmutableList() };

    private JourneyState WithAlert(Guid id, Func<SafetyAlert, SafetyAlert> change) =>
        this with { SafetyAlerts = SafetyAlerts.Select(a => a.Id == id ? change(a) : a).ToImmutableList() };

    private JourneyState Close(JourneyStatus status, string reason, DateTimeOffset at) =>
        this with { Status = status, ClosureReason = reason, ClosedAt = at };
}
