using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tests.Support;
using static SocialPrescribing.Domain.Journeys.Commands.JourneyCommandNames;
using static SocialPrescribing.Domain.Journeys.JourneyStatus;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>
/// The pathway written out by hand, status by status: which commands are legal and where each one leads.
/// Every pair not listed must be rejected. The journeys used have every guard beyond the status met, except
/// that none has an open safety alert (which would block closing): acknowledging one is covered by <see cref="SafetyAlertTests"/>.
/// The person's consent and lock-box commands are legal in every status once the referral is received, closed
/// ones included, and never move the journey.
/// </summary>
public sealed class TransitionTableTests
{
    /// <summary>The person's commands open in every status of a journey with no lock-box directive, in pathway order.</summary>
    private static readonly string[] PersonsChoices = [RecordConsent, WithdrawConsent, WithholdInformation];

    private static readonly Dictionary<JourneyStatus, Dictionary<string, JourneyStatus>> Legal = WithPersonsChoices(new()
    {
        [None] = new() { [ReceiveReferral] = Referred },
        [Referred] = new()
        {
            [AcceptReferral] = Accepted,
            [DeclineReferral] = Declined,
            [RecordContactAttempt] = Referred,
            [CloseUnableToContact] = UnableToContact,
        },
        [Accepted] = new()
        {
            [ReassignLinkWorker] = Accepted,
            [DeclineReferral] = Declined,
            [RecordContactAttempt] = Accepted,
            [CloseUnableToContact] = UnableToContact,
            [RecordContact] = Engaged,
        },
        [Engaged] = new()
        {
            [ReassignLinkWorker] = Engaged,
            [DeclineReferral] = Declined,
            [RecordContactAttempt] = Engaged,
            [CloseUnableToContact] = UnableToContact,
            [RecordContact] = Engaged,
            [RecordWhatMatters] = Engaged,
            [RecordBarriers] = Engaged,
            [RecordUnmetNeed] = Engaged,
            [AgreePlan] = Engaged,
            [MakeCommunityReferral] = Engaged,
            [UpdateCommunityReferral] = Engaged,
            [ScheduleFollowUp] = Engaged,
            [CompleteFollowUp] = Engaged,
            [RequestTransport] = Engaged,
            [CancelTransport] = Engaged,
            [RecordAssessment] = Engaged,
            [Discharge] = Discharged,
        },
        [Discharged] = [],
        [Declined] = [],
        [UnableToContact] = [],
    });

    private static Dictionary<JourneyStatus, Dictionary<string, JourneyStatus>> WithPersonsChoices(Dictionary<JourneyStatus, Dictionary<string, JourneyStatus>> pathway)
    {
        foreach (var (status, commands) in pathway.Where(p => p.Key != None))
        {
            foreach (var command in (string[])[.. PersonsChoices, ReleaseWithheldInformation])
            {
                commands[command] = status;
            }
        }

        return pathway;
    }

    public static TheoryData<JourneyStatus, string, JourneyStatus> LegalTransitions()
    {
        var data = new TheoryData<JourneyStatus, string, JourneyStatus>();
        foreach (var (from, commands) in Legal)
        {
            foreach (var (command, to) in commands)
            {
                data.Add(from, command, to);
            }
        }

        return data;
    }

    public static TheoryData<JourneyStatus, string> IllegalTransitions()
    {
        var data = new TheoryData<JourneyStatus, string>();
        foreach (var from in Enum.GetValues<JourneyStatus>())
        {
            foreach (var command in Commands.AllPublicNames.Where(c => !Legal[from].ContainsKey(c)))
            {
                data.Add(from, command);
            }
        }

        return data;
    }

    public static TheoryData<JourneyStatus> Statuses() => [.. Enum.GetValues<JourneyStatus>()];

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void A_legal_command_is_accepted_and_moves_the_journey_to_the_expected_status(JourneyStatus from, string command, JourneyStatus to)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(from);
        Assert.Equal(from, journey.State.Status);

        var decision = JourneyDecider.Decide(journey.State, Commands.Named(command, journey.State, journey.Context), journey.Context);

        Assert.Null(decision.Rejection);
        Assert.NotEmpty(decision.Events);
        var after = decision.Events.Aggregate(journey.State, (state, e) => state.Apply(e));
        Assert.Equal(to, after.Status);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void An_illegal_command_is_rejected_naming_the_commands_that_are_allowed(JourneyStatus from, string command)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(from);

        var decision = JourneyDecider.Decide(journey.State, Commands.Named(command, journey.State, journey.Context), journey.Context);

        // Before a referral is received there is no journey to be in conflict with: the answer is a 404.
        var rejection = DecisionAssert.Rejected(decision, from == None ? RejectionKind.NotFound : RejectionKind.Conflict);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
        Assert.DoesNotContain(command, rejection.Allowed);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_allowed_commands_of_a_status_are_exactly_its_legal_public_commands_in_pathway_order(JourneyStatus status)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(status);

        var allowed = JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant);

        Assert.Equal(JourneyDecider.PublicCommands.Where(Legal[status].ContainsKey), allowed);
    }

    [Fact]
    public void The_public_commands_are_the_pathway_steps_without_receiving_or_the_system_commands_then_the_persons_choices()
    {
        Assert.Equal(
            [
                AcceptReferral, ReassignLinkWorker, DeclineReferral, RecordContactAttempt, CloseUnableToContact, RecordContact,
                RecordWhatMatters, RecordBarriers, AgreePlan, MakeCommunityReferral, RecordUnmetNeed, UpdateCommunityReferral, ScheduleFollowUp, CompleteFollowUp,
                RequestTransport, CancelTransport, RecordAssessment, AcknowledgeSafetyAlert, Discharge,
                RecordConsent, WithdrawConsent, WithholdInformation, ReleaseWithheldInformation,
            ],
            JourneyDecider.PublicCommands);
    }

    /// <summary>
    /// Journeys where some guard beyond the status is not met, each with the commands it allows written out
    /// by hand in pathway order.
    /// </summary>
    private static readonly Dictionary<string, (Func<JourneyBuilder> Build, string[] Allowed)> Situations = new()
    {
        ["referred, no attempt yet"] = (
            () => JourneyBuilder.InStatus(Referred),
            [AcceptReferral, DeclineReferral, RecordContactAttempt, .. PersonsChoices]),
        ["referred, one attempt short of the minimum"] = (
            () => JourneyBuilder.InStatus(Referred).Attempt(2),
            [AcceptReferral, DeclineReferral, RecordContactAttempt, .. PersonsChoices]),
        ["accepted, no attempt yet"] = (
            () => JourneyBuilder.InStatus(Accepted),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, .. PersonsChoices]),
        ["engaged, just reached"] = (
            () => JourneyBuilder.InStatus(Engaged),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, every attempt made before the contact"] = (
            () => JourneyBuilder.InStatus(Referred).Attempt(3).Accept().Attempt(2).Contact().Attempt(2),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, what matters recorded"] = (
            () => JourneyBuilder.InStatus(Engaged).RecordWhatMatters(),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, AgreePlan, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, plan agreed"] = (
            () => JourneyBuilder.InStatus(Engaged).RecordWhatMatters().AgreePlan(),
            [ReassignLinkWorker, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, AgreePlan, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, plan agreed, stopped answering, every community referral finished"] = (
            () => FinishedReferral(JourneyBuilder.InStatus(Engaged).RecordWhatMatters().AgreePlan().ReferToCommunity()).Attempt(3),
            [ReassignLinkWorker, RecordContactAttempt, CloseUnableToContact, RecordContact, RecordWhatMatters, RecordBarriers, AgreePlan, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, safety alert open"] = (
            () => JourneyBuilder.InStatus(Engaged).Assess(AssessmentTimepoint.Baseline, 4, selfHarm: true).Attempt(3),
            [ReassignLinkWorker, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, AcknowledgeSafetyAlert, .. PersonsChoices]),
        ["engaged, safety alert acknowledged"] = (
            () => JourneyBuilder.InStatus(Engaged).Assess(AssessmentTimepoint.Baseline, 4, selfHarm: true).AcknowledgeFirstAlert(),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["engaged, open community referral, no plan"] = (
            () => JourneyBuilder.InStatus(Engaged).ReferToCommunity(),
            [ReassignLinkWorker, DeclineReferral, RecordContactAttempt, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, UpdateCommunityReferral, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge, .. PersonsChoices]),
        ["referred, the person asked not to be contacted"] = (
            () => JourneyBuilder.InStatus(Referred).Withdraw(ConsentScope.Contact),
            [AcceptReferral, DeclineReferral, RecordConsent, WithholdInformation]),
        ["engaged, every consent withdrawn, one lock-box directive in force"] = (
            () => JourneyBuilder.InStatus(Engaged).RecordConsent().Withdraw(ConsentScope.ReferrerSharing, ConsentScope.Contact, ConsentScope.Research).Withhold(),
            [ReassignLinkWorker, DeclineReferral, RecordContact, RecordWhatMatters, RecordBarriers, MakeCommunityReferral, RecordUnmetNeed, ScheduleFollowUp, RequestTransport, RecordAssessment, Discharge,
                RecordConsent, WithholdInformation, ReleaseWithheldInformation]),
        ["discharged, consent recorded"] = (
            () => JourneyBuilder.InStatus(Discharged).RecordConsent(),
            PersonsChoices),
    };

    public static TheoryData<string> SituationNames() => [.. Situations.Keys];

    [Theory]
    [MemberData(nameof(SituationNames))]
    public void The_guards_beyond_the_status_narrow_the_allowed_commands_as_written(string situation)
    {
        var (build, expected) = Situations[situation];
        var journey = build();

        Assert.Equal(expected, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
    }

    private static JourneyBuilder FinishedReferral(JourneyBuilder journey) =>
        journey.MoveCommunityReferral(journey.LastCommunityReferralId, CommunityReferralStatus.Rejected);

    [Fact]
    public void Accepting_a_declined_referral_is_rejected()
    {
        var journey = JourneyBuilder.InStatus(Declined);

        var decision = JourneyDecider.Decide(journey.State, Commands.Accept(), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.Equal(PersonsChoices, rejection.Allowed);
        Assert.Contains("declined", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Receiving_a_second_referral_on_an_existing_journey_is_a_conflict()
    {
        var journey = JourneyBuilder.InStatus(Accepted);

        var decision = JourneyDecider.Decide(journey.State, Commands.Receive(), journey.Context);

        var rejection = DecisionAssert.Rejected(decision, RejectionKind.Conflict);
        Assert.Contains(RecordContact, rejection.Allowed);
    }

    [Fact]
    public void A_rejected_illegal_command_names_the_status_on_the_wire()
    {
        var journey = JourneyBuilder.InStatus(UnableToContact);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Contact(), journey.Context), RejectionKind.Conflict);

        Assert.Contains("unable-to-contact", rejection.Detail, StringComparison.Ordinal);
    }
}
