using System.Collections.Frozen;
using System.Collections.Immutable;
using SocialPrescribing.Abstractions.Assessments;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Tenants;
using static SocialPrescribing.Domain.Journeys.JourneyStatus;

namespace SocialPrescribing.Domain.Journeys;

/// <summary>
/// The pathway's state machine. Each command has a guard (may it run now?) and a decision (which
/// events it raises). Guards alone decide the allowed-commands list, so a 409 and the list can never disagree.
/// </summary>
public static class JourneyDecider
{
    private delegate string? Guard(JourneyState state, TenantSettings tenant);

    /// <summary>One pathway command: its name, when it may run, and which events it raises.</summary>
    private sealed record Rule(string Name, Guard Guard, Func<JourneyState, JourneyCommand, DecisionContext, Decision> Decide);

    /// <summary>Assessment flags that raise a safety alert, whichever instrument (built-in or plugin) raised them.</summary>
    public static readonly FrozenSet<string> SafetyFlags = new[] { AssessmentFlags.SelfHarmRisk }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Every command offered over the API, in pathway order (the order of allowed-command lists): adding a command
    /// is one row here, beside its command record, its event and the event's fold.
    /// </summary>
    private static readonly ImmutableArray<Rule> Rules =
    [
        For<AcceptReferral>(JourneyCommandNames.AcceptReferral, (s, _) => In(s, Referred), (_, c, context) =>
            Decision.Append(Stamp(new ReferralAccepted(
                c.LinkWorkerId,
                BusinessCalendar.AddBusinessDays(context.Now, context.Tenant.FirstContactSlaBusinessDays, context.Tenant)), c, context))),
        For<ReassignLinkWorker>(JourneyCommandNames.ReassignLinkWorker, (s, _) => In(s, Accepted, Engaged), (state, c, context) =>
            c.LinkWorkerId == state.LinkWorkerId
                ? Decision.Reject(RejectionKind.Invalid, "This link worker is already assigned.", "linkWorkerId")
                : Decision.Append(Stamp(new LinkWorkerReassigned(state.LinkWorkerId!, c.LinkWorkerId), c, context))),
        // People often decline in the first conversation; once a plan is agreed they leave by discharge.
        For<DeclineReferral>(JourneyCommandNames.DeclineReferral, (s, _) => In(s, Referred, Accepted, Engaged) ?? NoOpenSafetyAlert(s) ?? (s.PlanAgreedAt is null
            ? null
            : "Once a plan is agreed the person leaves the program by discharge, not by declining."), (state, c, context) =>
            Close(state, Stamp(new ReferralDeclined(c.Reason), c, context), c, context)),
        // A withdrawn consent to contact takes effect here; a contact the person starts is still recorded.
        For<RecordContactAttempt>(JourneyCommandNames.RecordContactAttempt, (s, _) => In(s, Referred, Accepted, Engaged) ?? (s.Consent.Contact.DoNotContact
            ? "The person asked not to be contacted: no contact attempts until they agree to contact again."
            : null), (_, c, context) =>
            Decision.Append(Stamp(new ContactAttempted(c.Outcome, c.Notes), c, context))),
        // Counted since the last contact, so an engaged person who stops answering can be closed too.
        For<CloseUnableToContact>(JourneyCommandNames.CloseUnableToContact, (s, t) => In(s, Referred, Accepted, Engaged) ?? NoOpenSafetyAlert(s) ?? (s.AttemptsSinceContact >= t.MinimumContactAttempts
            ? null
            : $"At least {t.MinimumContactAttempts} failed contact attempts since the last contact are needed before closing as unable to contact; {s.AttemptsSinceContact} so far."), (state, c, context) =>
            Close(state, Stamp(new ClosedUnableToContact(c.Reason), c, context), c, context)),
        For<RecordContact>(JourneyCommandNames.RecordContact, (s, _) => In(s, Accepted, Engaged), (state, c, context) =>
            Decision.Append(Stamp(new ContactRecorded(c.Mode, c.Purpose, c.Notes, state.FirstContactAt is null), c, context))),
        For<RecordWhatMatters>(JourneyCommandNames.RecordWhatMatters, (s, _) => In(s, Engaged), (_, c, context) =>
            Decision.Append(Stamp(new WhatMattersRecorded(c.Items), c, context))),
        For<RecordBarriers>(JourneyCommandNames.RecordBarriers, (s, _) => In(s, Engaged), (_, c, context) =>
            Decision.Append(Stamp(new BarriersRecorded(c.Circumstances), c, context))),
        For<AgreePlan>(JourneyCommandNames.AgreePlan, (s, _) => In(s, Engaged) ?? (s.WhatMattersRecordedAt is null
            ? "A plan is agreed after what matters to the person has been recorded."
            : null), (_, c, context) =>
            Decision.Append(Stamp(new PlanAgreed(c.Goals), c, context))),
        // Not gated on the plan: an urgent need (food, housing) is referred on the day it is heard.
        For<MakeCommunityReferral>(JourneyCommandNames.MakeCommunityReferral, (s, _) => In(s, Engaged), (_, c, context) =>
            Decision.Append(Stamp(new CommunityReferralMade(context.NewId(), c.Program, c.Notes), c, context))),
        // When nothing fits: kept for the unmet-needs report, whatever else the person is referred to.
        For<RecordUnmetNeed>(JourneyCommandNames.RecordUnmetNeed, (s, _) => In(s, Engaged), (_, c, context) =>
            UnmetNeeds.All.Contains(c.Need)
                ? Decision.Append(Stamp(new UnmetNeedRecorded(context.NewId(), c.Need, c.Details), c, context))
                : Decision.Reject(RejectionKind.Invalid, $"A need is one of {string.Join(", ", UnmetNeeds.All.Order(StringComparer.Ordinal))}.", "need")),
        For<UpdateCommunityReferral>(JourneyCommandNames.UpdateCommunityReferral, (s, _) => In(s, Engaged) ?? (s.CommunityReferrals.Any(r => !CommunityReferralTransitions.IsTerminal(r.Status))
            ? null
            : "There is no open community referral to update."), DecideCommunityReferralUpdate),
        For<ScheduleFollowUp>(JourneyCommandNames.ScheduleFollowUp, (s, _) => In(s, Engaged), (_, c, context) => DecideFollowUp(c, context)),
        For<CompleteFollowUp>(JourneyCommandNames.CompleteFollowUp, (s, _) => In(s, Engaged) ?? (s.FollowUps.Any(f => f.IsOpen) ? null : "There is no open follow-up to complete."),
            DecideFollowUpCompletion),
        For<RequestTransport>(JourneyCommandNames.RequestTransport, (s, _) => In(s, Engaged), (_, c, context) => DecideTransportRequest(c, context)),
        For<CancelTransport>(JourneyCommandNames.CancelTransport, (s, _) => In(s, Engaged) ?? (s.Trips.Any(t => t.IsOpen) ? null : "There is no requested or confirmed trip to cancel."),
            DecideTransportCancellation),
        // Measures are taken with the person, so once they are engaged; a discharge measure is recorded before discharging.
        For<RecordAssessment>(JourneyCommandNames.RecordAssessment, (s, _) => In(s, Engaged), DecideAssessment),
        // Whatever the journey's status: an alert raised just before a closure must still be answered.
        For<AcknowledgeSafetyAlert>(JourneyCommandNames.AcknowledgeSafetyAlert, (s, _) => s.OpenSafetyAlerts > 0 ? null : "There is no open safety alert to acknowledge.",
            DecideAcknowledgement),
        For<Discharge>(JourneyCommandNames.Discharge, (s, _) => In(s, Engaged) ?? NoOpenSafetyAlert(s), (state, c, context) =>
            Close(state, Stamp(new Discharged(c.Reason), c, context), c, context)),
        // The person's choices about their record, in any status: the record and its disclosures (documents, reports,
        // research) outlive the pathway, and a person may give, change or withdraw consent and directives at any time.
        For<RecordConsent>(JourneyCommandNames.RecordConsent, (s, _) => Opened(s), (_, c, context) =>
            Decision.Append(Stamp(new ConsentRecorded(c.Consent), c, context))),
        For<WithdrawConsent>(JourneyCommandNames.WithdrawConsent, (s, _) => Opened(s) ?? (Enum.GetValues<ConsentScope>().Any(s.Consent.Grants)
            ? null
            : "Every consent is already withdrawn."), DecideWithdrawal),
        For<WithholdInformation>(JourneyCommandNames.WithholdInformation, (s, _) => Opened(s), (_, c, context) =>
            Decision.Append(Stamp(new InformationWithheld(context.NewId(), c.Parts, c.Roles, c.RecipientIds), c, context))),
        For<ReleaseWithheldInformation>(JourneyCommandNames.ReleaseWithheldInformation, (s, _) => Opened(s) ?? (s.WithholdingDirectives.IsEmpty
            ? "There is no lock-box directive in force to release."
            : null), DecideRelease),
    ];

    private static readonly FrozenDictionary<string, Rule> ByName = Rules.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>The commands offered over the API, in pathway order.</summary>
    public static readonly ImmutableArray<string> PublicCommands = [.. Rules.Select(r => r.Name)];

    /// <summary>The commands the journey accepts in this state.</summary>
    public static ImmutableArray<string> AllowedCommands(JourneyState state, TenantSettings tenant) =>
        [.. Rules.Where(rule => rule.Guard(state, tenant) is null).Select(rule => rule.Name)];

    public static Decision Decide(JourneyState state, JourneyCommand command, DecisionContext context)
    {
        if (command is ReceiveReferral receive)
        {
            return state.Exists
                ? Decision.Reject(RejectionKind.Conflict, "This journey already exists.", allowed: AllowedCommands(state, context.Tenant))
                : Decision.Append(Stamp(new ReferralReceived(receive.Client, receive.Referrer, receive.Source, receive.Reasons, receive.Notes), command, context));
        }

        if (!state.Exists)
        {
            return Decision.Reject(RejectionKind.NotFound, "No journey with this id.");
        }

        if (command is CheckFirstContact)
        {
            return state.AwaitsFirstContactCheck && context.Now >= state.FirstContactDueAt
                ? Decision.Append(Stamp(new FirstContactOverdue(state.FirstContactDueAt!.Value), command, context))
                : Decision.Nothing;
        }

        if (command is NotifySafetyAlert notify)
        {
            return state.SafetyAlerts.Find(a => a.Id == notify.AlertId) is { NotifiedAt: null }
                ? Decision.Append(Stamp(new SafetyAlertNotified(notify.AlertId, notify.Recipients, notify.Channels), command, context))
                : Decision.Nothing;
        }

        if (command is NotifyEmergencyAccess told)
        {
            return state.EmergencyAccess.Find(g => g.Id == told.GrantId) is { NotifiedAt: null }
                ? Decision.Append(Stamp(new EmergencyAccessNotified(told.GrantId, told.Recipients, told.Channels), command, context))
                : Decision.Nothing;
        }

        // Break-glass, on a journey in any status, and not a step of the pathway (so never in the allowed commands):
        // who may open a journey outside their scope is the application's to decide.
        if (command is OpenEmergencyAccess emergency)
        {
            return DecideEmergencyAccess(emergency, context);
        }

        if (command is RecordTransportOutcome outcome)
        {
            return DecideTransportOutcome(state, outcome, context);
        }

        if (command is AnswerCommunityReferral answer)
        {
            return DecidePartnerAnswer(state, answer, context);
        }

        if (command is CheckPartnerResponse check)
        {
            // Overdue only once the tenant's deadline has passed: a check that arrives early (a sweep's clock ahead of the
            // journey's, a job run by hand) leaves the referral waiting.
            return state.ReferralsAwaitingAnswer.FirstOrDefault(r => r.Id == check.CommunityReferralId) is { } silent
                && context.Now >= PartnerAnswerDueAt(silent.MadeAt, context.Tenant)
                ? Decision.Append(Stamp(new PartnerResponseOverdue(silent.Id, context.NewId(), BusinessCalendar.LocalDate(context.Now, context.Tenant)), command, context))
                : Decision.Nothing;
        }

        if (!ByName.TryGetValue(command.Name, out var rule))
        {
            throw new InvalidOperationException($"No decision for command {command.Name}.");
        }

        var reason = rule.Guard(state, context.Tenant);
        return reason is null
            ? rule.Decide(state, command, context)
            : Decision.Reject(RejectionKind.Conflict, reason, allowed: AllowedCommands(state, context.Tenant));
    }

    /// <summary>When a referral's provider answer is due: the tenant's <c>PartnerResponseBusinessDays</c> after it was made.</summary>
    public static DateTimeOffset PartnerAnswerDueAt(DateTimeOffset madeAt, TenantSettings tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return BusinessCalendar.AddBusinessDays(madeAt, tenant.PartnerResponseBusinessDays, tenant);
    }

    private static Rule For<TCommand>(string name, Guard guard, Func<JourneyState, TCommand, DecisionContext, Decision> decide)
        where TCommand : JourneyCommand =>
        new(name, guard, (state, command, context) => decide(state, (TCommand)command, context));

    private static Decision DecideFollowUpCompletion(JourneyState state, CompleteFollowUp command, DecisionContext context) =>
        state.FollowUps.Find(f => f.Id == command.FollowUpId) switch
        {
            null => Decision.Reject(RejectionKind.Invalid, "This journey has no follow-up with this id.", "followUpId"),
            { IsOpen: false } done => Decision.Reject(
                RejectionKind.Conflict, $"This follow-up was completed on {done.CompletedAt:yyyy-MM-dd}.", "followUpId", AllowedCommands(state, context.Tenant)),
            var open => Decision.Append(Stamp(new FollowUpCompleted(open.Id, command.Notes), command, context)),
        };

    /// <summary>
    /// A closing journey leaves no community referral or trip dangling: each open one is cancelled first, so the
    /// closed loop with every partner program is closed too, and no car comes for a person who has left.
    /// </summary>
    private static Decision Close(JourneyState state, JourneyEvent closing, JourneyCommand command, DecisionContext context) =>
        new(
            [
                .. state.CommunityReferrals
                    .Where(r => !CommunityReferralTransitions.IsTerminal(r.Status))
                    .Select(r => Stamp(new CommunityReferralStatusChanged(r.Id, r.Status, CommunityReferralStatus.Cancelled), command, context)),
                .. state.Trips
                    .Where(t => t.IsOpen)
                    .Select(t => Stamp(new TransportCancelled(t.Id, "The journey closed."), command, context)),
                closing,
            ],
            null);

    private static Decision DecideCommunityReferralUpdate(JourneyState state, UpdateCommunityReferral command, DecisionContext context)
    {
        var referral = state.CommunityReferrals.Find(r => r.Id == command.CommunityReferralId);
        if (referral is null)
        {
            return Decision.Reject(RejectionKind.Invalid, "This journey has no community referral with this id.", "communityReferralId");
        }

        var allowed = CommunityReferralTransitions.AllowedAfter(referral.Status);
        if (!allowed.Contains(command.Status))
        {
            return Decision.Reject(
                RejectionKind.Conflict,
                $"A community referral that is {WireNames.Of(referral.Status)} cannot become {WireNames.Of(command.Status)}.",
                "status",
                [.. allowed.Select(WireNames.Of)]);
        }

        return Decision.Append(Stamp(new CommunityReferralStatusChanged(referral.Id, referral.Status, command.Status), command, context));
    }

    /// <summary>
    /// A provider answers only a referral addressed to an organization it answers for (otherwise it is told nothing of
    /// the referral, as if it did not exist); a declined referral needs its reason; an answer that cannot follow the
    /// referral's status is a conflict naming those that can. Closed journeys take no answer: their open referrals
    /// were cancelled when they closed.
    /// </summary>
    private static Decision DecidePartnerAnswer(JourneyState state, AnswerCommunityReferral command, DecisionContext context)
    {
        var referral = state.CommunityReferrals.Find(r => r.Id == command.CommunityReferralId);
        if (referral?.Program.OrganizationId is not { } organization || !command.Organizations.Contains(organization))
        {
            return Decision.Reject(RejectionKind.NotFound, "No community referral with this id is addressed to your organization.");
        }

        if (command.Answer == PartnerAnswer.Declined && command.Reason is null)
        {
            return Decision.Reject(RejectionKind.Invalid, $"A declined referral needs a reason: one of {string.Join(", ", WireNames.All<DeclineReason>())}.", "reason");
        }

        if (command.Answer != PartnerAnswer.Declined && command.Reason is not null)
        {
            return Decision.Reject(RejectionKind.Invalid, "Only a declined referral takes a reason.", "reason");
        }

        if (command.Note is { Length: > AnswerCommunityReferral.MaxNoteLength })
        {
            return Decision.Reject(RejectionKind.Invalid, $"A note is at most {AnswerCommunityReferral.MaxNoteLength} characters.", "note");
        }

        var to = state.Status == Engaged ? CommunityReferralTransitions.After(referral.Status, command.Answer) : null;
        if (to is null)
        {
            var allowed = state.Status == Engaged ? CommunityReferralTransitions.AnswersAfter(referral.Status) : [];
            return Decision.Reject(
                RejectionKind.Conflict,
                $"A community referral that is {WireNames.Of(referral.Status)} cannot be answered {WireNames.Of(command.Answer)}"
                    + (state.Status == Engaged ? "." : ": the person has left the program."),
                "answer",
                [.. allowed.Select(WireNames.Of)]);
        }

        return Decision.Append(Stamp(new CommunityReferralAnswered(referral.Id, command.Answer, referral.Status, to.Value, command.Reason, command.Note), command, context));
    }

    private static Decision DecideFollowUp(ScheduleFollowUp command, DecisionContext context)
    {
        var today = BusinessCalendar.LocalDate(context.Now, context.Tenant);
        return command.DueOn < today
            ? Decision.Reject(RejectionKind.Invalid, $"A follow-up cannot be due in the past (today is {today:yyyy-MM-dd} for this program).", "dueOn")
            : Decision.Append(Stamp(new FollowUpScheduled(context.NewId(), command.DueOn), command, context));
    }

    private static Decision DecideTransportRequest(RequestTransport command, DecisionContext context)
    {
        var details = command.Details;
        if (details.PickupWindow.End < details.PickupWindow.Start)
        {
            return Decision.Reject(RejectionKind.Invalid, "The pickup window ends before it starts.", "pickupWindow");
        }

        if (details.PickupWindow.End <= context.Now)
        {
            return Decision.Reject(RejectionKind.Invalid, "The pickup window is already over.", "pickupWindow");
        }

        if (details.ReturnPickupWindow is { } back && (back.End < back.Start || back.Start < details.PickupWindow.Start))
        {
            return Decision.Reject(RejectionKind.Invalid, "The return pickup window must be a valid window after the outward pickup.", "return.pickupWindow");
        }

        return Decision.Append(Stamp(new TransportRequested(context.NewId(), command.Partner, details, command.QuoteReference), command, context));
    }

    private static Decision DecideTransportCancellation(JourneyState state, CancelTransport command, DecisionContext context)
    {
        var trip = state.Trips.Find(t => t.Id == command.TripId);
        if (trip is null)
        {
            return Decision.Reject(RejectionKind.Invalid, "This journey has no trip with this id.", "tripId");
        }

        return trip.IsOpen
            ? Decision.Append(Stamp(new TransportCancelled(trip.Id, command.Reason), command, context))
            : Decision.Reject(RejectionKind.Conflict, $"This trip is already {WireNames.Of(trip.Status)}.", "tripId", AllowedCommands(state, context.Tenant));
    }

    /// <summary>The partner's answer lands only on a trip still waiting for it; a trip cancelled meanwhile keeps its cancellation.</summary>
    private static Decision DecideTransportOutcome(JourneyState state, RecordTransportOutcome command, DecisionContext context)
    {
        if (state.Trips.Find(t => t.Id == command.TripId) is not { Status: TransportTripStatus.Requested } trip)
        {
            return Decision.Nothing;
        }

        return command.Confirmed
            ? Decision.Append(Stamp(new TransportConfirmed(trip.Id, command.PartnerReference ?? string.Empty, command.ScheduledPickup, command.ScheduledReturnPickup), command, context))
            : Decision.Append(Stamp(new TransportFailed(trip.Id, command.FailureReason ?? "The partner could not book the trip."), command, context));
    }

    private static Decision DecideAssessment(JourneyState state, RecordAssessment command, DecisionContext context)
    {
        if (command.Timepoint == AssessmentTimepoint.Baseline
            && state.Assessments.Find(a => a.Timepoint == AssessmentTimepoint.Baseline && a.Instrument == command.Instrument) is { } baseline)
        {
            return Decision.Reject(
                RejectionKind.Conflict,
                $"A baseline {command.Instrument} was already recorded on {baseline.RecordedAt:yyyy-MM-dd}; record this one as a follow-up.",
                "timepoint",
                [WireNames.Of(AssessmentTimepoint.FollowUp), WireNames.Of(AssessmentTimepoint.Discharge)]);
        }

        var assessmentId = context.NewId();
        var recorded = Stamp(
            new AssessmentRecorded(assessmentId, command.Instrument, command.InstrumentVersion, command.Timepoint, command.Responses, command.Scores, command.Flags),
            command,
            context);
        return new(
            [
                recorded,
                .. command.Flags
                    .Where(SafetyFlags.Contains)
                    .Distinct(StringComparer.Ordinal)
                    .Select(flag => Stamp(new SafetyAlertRaised(context.NewId(), assessmentId, command.Instrument, flag), command, context)),
            ],
            null);
    }

    private static Decision DecideAcknowledgement(JourneyState state, AcknowledgeSafetyAlert command, DecisionContext context)
    {
        if (!context.Tenant.IsSupervisor(command.Actor))
        {
            return Decision.Reject(RejectionKind.Forbidden, "Only a supervisor of this program may acknowledge a safety alert.");
        }

        var alert = state.SafetyAlerts.Find(a => a.Id == command.AlertId);
        if (alert is null)
        {
            return Decision.Reject(RejectionKind.Invalid, "This journey has no safety alert with this id.", "alertId");
        }

        return alert.IsOpen
            ? Decision.Append(Stamp(new SafetyAlertAcknowledged(alert.Id, command.Note), command, context))
            : Decision.Reject(
                RejectionKind.Conflict,
                $"This safety alert was already acknowledged by {alert.AcknowledgedBy} on {alert.AcknowledgedAt:yyyy-MM-dd}.",
                "alertId",
                AllowedCommands(state, context.Tenant));
    }

    private static Decision DecideWithdrawal(JourneyState state, WithdrawConsent command, DecisionContext context) =>
        command.Scopes.Any(state.Consent.Grants)
            ? Decision.Append(Stamp(new ConsentWithdrawn(command.Scopes), command, context))
            : Decision.Reject(
                RejectionKind.Conflict,
                $"Nothing to withdraw: the person does not consent to {string.Join(" or ", command.Scopes.Select(WireNames.Of))} now.",
                "scopes",
                AllowedCommands(state, context.Tenant));

    private static Decision DecideRelease(JourneyState state, ReleaseWithheldInformation command, DecisionContext context) =>
        state.WithholdingDirectives.Exists(d => d.Id == command.DirectiveId)
            ? Decision.Append(Stamp(new WithheldInformationReleased(command.DirectiveId), command, context))
            : Decision.Reject(RejectionKind.Invalid, "This journey has no lock-box directive in force with this id.", "directiveId");

    private static Decision DecideEmergencyAccess(OpenEmergencyAccess command, DecisionContext context)
    {
        var reason = command.Reason?.Trim() ?? string.Empty;
        if (reason.Length is < OpenEmergencyAccess.MinReasonLength or > OpenEmergencyAccess.MaxReasonLength)
        {
            return Decision.Reject(
                RejectionKind.Invalid,
                $"The reason for an emergency access takes {OpenEmergencyAccess.MinReasonLength} to {OpenEmergencyAccess.MaxReasonLength} characters.",
                "reason");
        }

        return command.Duration > TimeSpan.Zero
            ? Decision.Append(Stamp(new EmergencyAccessOpened(context.NewId(), reason, context.Now + command.Duration), command, context))
            : Decision.Reject(RejectionKind.Invalid, "An emergency access lasts a positive time.", "duration");
    }

    private static string? NoOpenSafetyAlert(JourneyState state) =>
        state.OpenSafetyAlerts == 0
            ? null
            : "A safety alert is open: a supervisor must acknowledge it before the journey can be closed.";

    private static string? Opened(JourneyState state) =>
        state.Exists ? null : "No referral has been received for this journey.";

    private static string? In(JourneyState state, params JourneyStatus[] statuses) =>
        statuses.Contains(state.Status)
            ? null
            : $"Not allowed while the journey is {WireNames.Of(state.Status)}.";

    private static T Stamp<T>(T e, JourneyCommand command, DecisionContext context)
        where T : JourneyEvent =>
        e with { CommandId = command.CommandId, Actor = command.Actor, OccurredAt = context.Now, CommandFingerprint = command.Fingerprint };
}
