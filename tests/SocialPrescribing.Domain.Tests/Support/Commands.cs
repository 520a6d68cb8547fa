using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Journeys.Transport;
using SocialPrescribing.Domain.Tenants;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>Valid commands with sensible defaults; each call has a fresh command id.</summary>
public static class Commands
{
    public const string LinkWorker = "lw-amara";

    /// <summary>A second link worker, for moving a journey off <see cref="LinkWorker"/>'s caseload.</summary>
    public const string OtherLinkWorker = "lw-bongani";

    /// <summary>Every command a caller can send: the public ones plus opening a journey.</summary>
    public static IEnumerable<string> AllPublicNames => [JourneyCommandNames.ReceiveReferral, .. JourneyDecider.PublicCommands];

    public static ReceiveReferral Receive(string actor = "referrer:dr-chen") => new(
        new ClientDetails("Marguerite", "Tremblay", new DateOnly(1948, 5, 17), "K1A 0B1", PreferredLanguage.Fr, "+1-613-555-0142", null),
        new ReferrerDetails("Dr. Wei Chen", "Rideau Family Health Team", "family-physician"),
        ReferralSource.FamilyPhysician,
        ["loneliness-and-isolation", "low-mood"],
        "Widowed last year, rarely leaves home.")
    {
        CommandId = Guid.NewGuid(),
        Actor = actor,
    };

    public static AcceptReferral Accept(string linkWorkerId = LinkWorker) =>
        new(linkWorkerId) { CommandId = Guid.NewGuid(), Actor = "coordinator:sam" };

    public static ReassignLinkWorker Reassign(string linkWorkerId = OtherLinkWorker) =>
        new(linkWorkerId) { CommandId = Guid.NewGuid(), Actor = "coordinator:sam" };

    public static DeclineReferral Decline(string reason = "Not interested at this time.") =>
        new(reason) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordContactAttempt Attempt(ContactAttemptOutcome outcome = ContactAttemptOutcome.NoAnswer) =>
        new(outcome, "Rang twice.") { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static CloseUnableToContact CloseUnableToContact(string reason = "No answer after repeated attempts.") =>
        new(reason) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordContact Contact(ContactMode mode = ContactMode.Phone) =>
        new(mode, "Introduction", "Agreed to meet.") { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordWhatMatters WhatMatters() =>
        new(["Seeing people again", "Getting out of the house"]) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordBarriers Barriers() =>
        new(new BarriersAndPreferences([AccessBarrier.Transport], ["walking"], ["en"], [], 5_000, null, null)) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordUnmetNeed UnmetNeed(string need = "legal-advice") =>
        new(need, "No free legal clinic within 50 km.") { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static AgreePlan Plan() =>
        new(["Join a walking group", "Call my sister every week"]) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static MakeCommunityReferral CommunityReferral(string program = "Seniors' walking group") =>
        new(new CommunityProgram(program, "hsds-123", "Ottawa Seniors Centre"), "Tuesday mornings suit her.")
        {
            CommandId = Guid.NewGuid(),
            Actor = LinkWorker,
        };

    public static UpdateCommunityReferral UpdateCommunityReferral(Guid communityReferralId, CommunityReferralStatus status) =>
        new(communityReferralId, status) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static ScheduleFollowUp FollowUp(DateOnly dueOn) =>
        new(dueOn) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static Discharge Discharge(string reason = "Goals met.") =>
        new(reason) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    /// <summary>The tenant's supervisor in <see cref="Fixed.Tenant"/>.</summary>
    public const string Supervisor = "sup-okafor";

    /// <summary>A PHQ-9 as scored by the instrument; item 9 above zero raises the self-harm flag.</summary>
    public static RecordAssessment Phq9(AssessmentTimepoint timepoint, int total, bool selfHarm = false) =>
        new(
            timepoint,
            "phq9",
            "1.0",
            [.. Enumerable.Repeat(0, 8), selfHarm ? 1 : 0],
            [new AssessmentScore("total", total, total switch { < 5 => "none", < 10 => "mild", < 15 => "moderate", < 20 => "moderately-severe", _ => "severe" })],
            selfHarm ? ["self-harm-risk"] : [])
        {
            CommandId = Guid.NewGuid(),
            Actor = LinkWorker,
        };

    public static AcknowledgeSafetyAlert Acknowledge(Guid alertId, string actor = Supervisor) =>
        new(alertId, "Called the person the same day; safety plan in place.") { CommandId = Guid.NewGuid(), Actor = actor };

    public static NotifySafetyAlert Notify(Guid alertId) =>
        new(alertId, [Supervisor], ["notification-log"]) { CommandId = Guid.NewGuid(), Actor = "system:safety-alert-notifier" };

    /// <summary>A trip to the program tomorrow morning (relative to <paramref name="now"/>), with the way back.</summary>
    public static RequestTransport Trip(DateTimeOffset now, string partner = "contoso-rides") =>
        new(
            partner,
            new TripDetails(
                new TripPlace(null, "12 Elm Street", "Ottawa", "ON", "K1A 0B1", "Side door"),
                new TripPlace("Seniors' walking group", "300 Bank Street", "Ottawa", "ON", "K2P 1X8", null),
                new TripWindow(now.AddDays(1), now.AddDays(1).AddMinutes(30)),
                now.AddDays(1).AddHours(1),
                new TripWindow(now.AddDays(1).AddHours(3), now.AddDays(1).AddHours(3).AddMinutes(30)),
                TripMobility.None with { WalkingAid = true }),
            "q-123")
        {
            CommandId = Guid.NewGuid(),
            Actor = LinkWorker,
        };

    public static CompleteFollowUp CompleteFollowUp(Guid followUpId) =>
        new(followUpId, "Went to the walking group twice.") { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static CancelTransport CancelTrip(Guid tripId) =>
        new(tripId, "She has a lift from her daughter.") { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static RecordTransportOutcome TripConfirmed(Guid tripId) =>
        new(tripId, true, "CR-881", null, null, null) { CommandId = Guid.NewGuid(), Actor = "system:transport-booking" };

    public static RecordTransportOutcome TripFailed(Guid tripId) =>
        new(tripId, false, null, null, null, "No driver available.") { CommandId = Guid.NewGuid(), Actor = "system:transport-booking" };

    public static CheckFirstContact CheckFirstContact() =>
        new() { CommandId = Guid.NewGuid(), Actor = "system:first-contact" };

    /// <summary>Full sharing with the referrer, contact by phone or text in the morning, and research use.</summary>
    public static readonly ConsentChoices EverythingAgreed = new(
        ReferrerSharing.FullSummary, new ContactPreferences([ContactChannel.Phone, ContactChannel.Sms], [DayPart.Morning], false), true);

    public static RecordConsent Consent(ConsentChoices? consent = null) =>
        new(consent ?? EverythingAgreed) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static WithdrawConsent Withdraw(params ConsentScope[] scopes) =>
        new([.. scopes]) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    /// <summary>Assessments and notes withheld from the referrer role and from one named community organization.</summary>
    public static WithholdInformation Withhold(RecordPart[]? parts = null, RecipientRole[]? roles = null, string[]? recipientIds = null) =>
        new([.. parts ?? [RecordPart.Assessments, RecordPart.Notes]], [.. roles ?? [RecipientRole.Referrer]], [.. recipientIds ?? ["org-ottawa-seniors"]])
        {
            CommandId = Guid.NewGuid(),
            Actor = LinkWorker,
        };

    public static ReleaseWithheldInformation Release(Guid directiveId) =>
        new(directiveId) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    public static OpenEmergencyAccess BreakGlass(string reason = "Person phoned the crisis line; their link worker is away.", int hours = 2) =>
        new(reason, TimeSpan.FromHours(hours)) { CommandId = Guid.NewGuid(), Actor = LinkWorker };

    /// <summary>
    /// A command of the given name whose payload is valid for <paramref name="state"/>: a community referral
    /// update targets the first open referral and moves it to a status it may take; a follow-up is due today;
    /// a reassignment names a link worker other than the one assigned; a withdrawal withdraws every consent in
    /// effect; a release ends the oldest lock-box directive.
    /// </summary>
    public static JourneyCommand Named(string name, JourneyState state, DecisionContext context) => name switch
    {
        JourneyCommandNames.ReceiveReferral => Receive(),
        JourneyCommandNames.AcceptReferral => Accept(),
        JourneyCommandNames.ReassignLinkWorker => Reassign(state.LinkWorkerId == OtherLinkWorker ? LinkWorker : OtherLinkWorker),
        JourneyCommandNames.DeclineReferral => Decline(),
        JourneyCommandNames.RecordContactAttempt => Attempt(),
        JourneyCommandNames.CloseUnableToContact => CloseUnableToContact(),
        JourneyCommandNames.RecordContact => Contact(),
        JourneyCommandNames.RecordWhatMatters => WhatMatters(),
        JourneyCommandNames.RecordBarriers => Barriers(),
        JourneyCommandNames.RecordUnmetNeed => UnmetNeed(),
        JourneyCommandNames.AgreePlan => Plan(),
        JourneyCommandNames.MakeCommunityReferral => CommunityReferral(),
        JourneyCommandNames.UpdateCommunityReferral => UpdateFirstOpenReferral(state),
        JourneyCommandNames.ScheduleFollowUp => FollowUp(BusinessCalendar.LocalDate(context.Now, context.Tenant)),
        // Every second assessment raises the self-harm flag, so random journeys meet open alerts too.
        JourneyCommandNames.CompleteFollowUp => CompleteFollowUp(state.FollowUps.Find(f => f.IsOpen)?.Id ?? Guid.NewGuid()),
        JourneyCommandNames.RequestTransport => Trip(context.Now),
        JourneyCommandNames.CancelTransport => CancelTrip(state.Trips.Find(t => t.IsOpen)?.Id ?? Guid.NewGuid()),
        JourneyCommandNames.RecordTransportOutcome => TripConfirmed(state.Trips.Find(t => t.Status == TransportTripStatus.Requested)?.Id ?? Guid.NewGuid()),
        JourneyCommandNames.RecordAssessment => Phq9(AssessmentTimepoint.FollowUp, 7, selfHarm: state.Assessments.Count % 2 == 1),
        JourneyCommandNames.AcknowledgeSafetyAlert => Acknowledge(state.SafetyAlerts.Find(a => a.IsOpen)?.Id ?? Guid.NewGuid()),
        JourneyCommandNames.Discharge => Discharge(),
        JourneyCommandNames.CheckFirstContact => CheckFirstContact(),
        JourneyCommandNames.RecordConsent => Consent(),
        JourneyCommandNames.WithdrawConsent => Withdraw(Enum.GetValues<ConsentScope>().Where(state.Consent.Grants).DefaultIfEmpty(ConsentScope.Research).ToArray()),
        JourneyCommandNames.WithholdInformation => Withhold(),
        JourneyCommandNames.ReleaseWithheldInformation => Release(state.WithholdingDirectives.FirstOrDefault()?.Id ?? Guid.NewGuid()),
        JourneyCommandNames.OpenEmergencyAccess => BreakGlass(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a journey command."),
    };

    private static UpdateCommunityReferral UpdateFirstOpenReferral(JourneyState state)
    {
        var open = state.CommunityReferrals.Find(r => !CommunityReferralTransitions.IsTerminal(r.Status));
        return open is null
            ? UpdateCommunityReferral(Guid.NewGuid(), CommunityReferralStatus.Accepted)
            : UpdateCommunityReferral(open.Id, CommunityReferralTransitions.AllowedAfter(open.Status)[0]);
    }
}
