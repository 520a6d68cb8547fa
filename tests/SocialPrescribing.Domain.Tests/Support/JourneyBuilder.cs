using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;

namespace SocialPrescribing.Domain.Tests.Support;

/// <summary>
/// Drives a journey along the pathway the way production does: each step decides a real command
/// against the current state and folds the events it raised. A step the decider refuses fails the test.
/// </summary>
public sealed class JourneyBuilder
{
    private readonly List<JourneyEvent> _events = [];

    public JourneyBuilder(DecisionContext? context = null) => Context = context ?? Fixed.Context();

    public DecisionContext Context { get; private set; }

    public JourneyState State { get; private set; } = JourneyState.Empty;

    public IReadOnlyList<JourneyEvent> Events => _events;

    public Guid LastCommunityReferralId => State.CommunityReferrals[^1].Id;

    /// <summary>The shortest pathway to <paramref name="status"/>.</summary>
    public static JourneyBuilder InStatus(JourneyStatus status) => status switch
    {
        JourneyStatus.None => new JourneyBuilder(),
        JourneyStatus.Referred => new JourneyBuilder().Receive(),
        JourneyStatus.Accepted => new JourneyBuilder().Receive().Accept(),
        JourneyStatus.Engaged => new JourneyBuilder().Receive().Accept().Contact(),
        JourneyStatus.Discharged => InStatus(JourneyStatus.Engaged).Discharge(),
        JourneyStatus.Declined => InStatus(JourneyStatus.Referred).Decline(),
        JourneyStatus.UnableToContact => InStatus(JourneyStatus.Referred).Attempt(Fixed.Tenant.MinimumContactAttempts).CloseUnableToContact(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// A journey in <paramref name="status"/> where every guard beyond the status is met (enough failed attempts
    /// since the last contact, what matters recorded, no plan agreed yet so declining is still open, an open
    /// community referral, a lock-box directive in force), so only the status decides what is allowed.
    /// </summary>
    public static JourneyBuilder WithEveryGuardMet(JourneyStatus status) => status switch
    {
        JourneyStatus.None => new JourneyBuilder(),
        JourneyStatus.Referred => new JourneyBuilder().Receive().Attempt(Fixed.Tenant.MinimumContactAttempts).Withhold(),
        JourneyStatus.Accepted => WithEveryGuardMet(JourneyStatus.Referred).Accept(),
        JourneyStatus.Engaged => WithEveryGuardMet(JourneyStatus.Accepted)
            .Contact().RecordWhatMatters().ReferToCommunity().RequestTrip().ScheduleFollowUp(Fixed.TodayInToronto(Fixed.Now))
            .Attempt(Fixed.Tenant.MinimumContactAttempts),
        JourneyStatus.Discharged => WithEveryGuardMet(JourneyStatus.Engaged).Discharge(),
        JourneyStatus.Declined => WithEveryGuardMet(JourneyStatus.Referred).Decline(),
        JourneyStatus.UnableToContact => WithEveryGuardMet(JourneyStatus.Referred).CloseUnableToContact(),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Later steps are decided at <paramref name="now"/>.</summary>
    public JourneyBuilder At(DateTimeOffset now)
    {
        Context = Context with { Now = now };
        return this;
    }

    public JourneyBuilder Then(JourneyCommand command)
    {
        var decision = JourneyDecider.Decide(State, command, Context);
        if (decision.Rejection is { } rejection)
        {
            throw new InvalidOperationException(
                $"The builder's step {command.Name} was rejected ({rejection.Kind}): {rejection.Detail}");
        }

        if (decision.Events.IsEmpty)
        {
            throw new InvalidOperationException($"The builder's step {command.Name} raised no event.");
        }

        foreach (var e in decision.Events)
        {
            _events.Add(e);
            State = State.Apply(e);
        }

        return this;
    }

    public JourneyBuilder Receive() => Then(Commands.Receive());

    public JourneyBuilder Accept() => Then(Commands.Accept());

    public JourneyBuilder Reassign(string linkWorkerId = Commands.OtherLinkWorker) => Then(Commands.Reassign(linkWorkerId));

    public JourneyBuilder Decline() => Then(Commands.Decline());

    public JourneyBuilder Attempt(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Then(Commands.Attempt());
        }

        return this;
    }

    public JourneyBuilder CloseUnableToContact() => Then(Commands.CloseUnableToContact());

    public JourneyBuilder Contact(ContactMode mode = ContactMode.Phone) => Then(Commands.Contact(mode));

    public JourneyBuilder RecordWhatMatters() => Then(Commands.WhatMatters());

    public JourneyBuilder AgreePlan() => Then(Commands.Plan());

    public JourneyBuilder ReferToCommunity(string program = "Seniors' walking group") => Then(Commands.CommunityReferral(program));

    public JourneyBuilder MoveCommunityReferral(Guid communityReferralId, CommunityReferralStatus status) =>
        Then(Commands.UpdateCommunityReferral(communityReferralId, status));

    public JourneyBuilder ScheduleFollowUp(DateOnly dueOn) => Then(Commands.FollowUp(dueOn));

    public JourneyBuilder Discharge() => Then(Commands.Discharge());

    public JourneyBuilder Assess(AssessmentTimepoint timepoint, int phq9Total, bool selfHarm = false) =>
        Then(Commands.Phq9(timepoint, phq9Total, selfHarm));

    public JourneyBuilder RequestTrip() => Then(Commands.Trip(Context.Now));

    public Guid LastTripId => State.Trips[^1].Id;

    public JourneyBuilder Acknowledge(Guid alertId) => Then(Commands.Acknowledge(alertId));

    public JourneyBuilder RecordConsent(ConsentChoices? consent = null) => Then(Commands.Consent(consent));

    public JourneyBuilder Withdraw(params ConsentScope[] scopes) => Then(Commands.Withdraw(scopes));

    public JourneyBuilder Withhold(RecordPart[]? parts = null, RecipientRole[]? roles = null, string[]? recipientIds = null) =>
        Then(Commands.Withhold(parts, roles, recipientIds));

    public JourneyBuilder Release(Guid directiveId) => Then(Commands.Release(directiveId));

    public Guid LastDirectiveId => State.WithholdingDirectives[^1].Id;

    public JourneyBuilder AcknowledgeFirstAlert() => Acknowledge(State.SafetyAlerts.First(a => a.IsOpen).Id);
}
