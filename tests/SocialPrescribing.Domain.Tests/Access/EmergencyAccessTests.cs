using SocialPrescribing.Domain.Access;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;
using Names = SocialPrescribing.Domain.Journeys.Commands.JourneyCommandNames;

namespace SocialPrescribing.Domain.Tests.Access;

/// <summary>Break-glass in the domain: a reason, a time limit, and a scope that reaches the journey only while it lasts.</summary>
public sealed class EmergencyAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

    private static JourneyBuilder Engaged() => JourneyBuilder.InStatus(JourneyStatus.Engaged).At(Now);

    [Fact]
    public void Opening_records_the_reason_and_when_it_ends_and_the_scope_reaches_the_journey_until_then()
    {
        var journey = Engaged();
        var rule = JourneyScopeRule.LinkWorker(Commands.LinkWorker);
        var state = journey.State with { LinkWorkerId = Commands.OtherLinkWorker };
        Assert.False(rule.Allows(state, Now));

        var decision = JourneyDecider.Decide(state, Commands.BreakGlass("  Crisis call while their worker is away.  ", hours: 2), journey.Context);
        var opened = Assert.IsType<EmergencyAccessOpened>(Assert.Single(decision.Events));
        Assert.Equal("Crisis call while their worker is away.", opened.Reason);
        Assert.Equal(Now.AddHours(2), opened.ExpiresAt);

        var after = state.Apply(opened);
        var grant = Assert.Single(after.EmergencyAccess);
        Assert.Equal((Commands.LinkWorker, Now, Now.AddHours(2)), (grant.UserId, grant.OpenedAt, grant.ExpiresAt));
        Assert.True(rule.Allows(after, Now.AddMinutes(119)));
        Assert.False(rule.Reaches(after));
        Assert.Same(grant, rule.EmergencyAccessAt(after, Now.AddMinutes(1)));
        Assert.False(rule.Allows(after, Now.AddHours(2)));
        // Another link worker's grant opens nothing for this one; a referrer's rule takes no grant at all.
        Assert.False(JourneyScopeRule.LinkWorker("lw-third").Allows(after, Now.AddMinutes(1)));
        Assert.False(JourneyScopeRule.NewOnly.Allows(after, Now.AddMinutes(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("urgent")]
    [InlineData("         x         ")]
    public void A_reason_of_less_than_a_few_words_is_refused(string reason)
    {
        var journey = Engaged();
        var rejection = JourneyDecider.Decide(journey.State, Commands.BreakGlass(reason), journey.Context).Rejection;
        Assert.Equal((RejectionKind.Invalid, "reason"), (rejection!.Kind, rejection.Field));
    }

    [Fact]
    public void The_privacy_officers_notice_is_recorded_once_on_its_grant_and_not_offered_over_the_api()
    {
        var journey = Engaged();
        var opened = Assert.IsType<EmergencyAccessOpened>(Assert.Single(JourneyDecider.Decide(journey.State, Commands.BreakGlass(), journey.Context).Events));
        var state = journey.State.Apply(opened);
        Assert.Equal([opened.GrantId], state.EmergencyAccessUnnotified.Select(g => g.Id));
        var notify = new NotifyEmergencyAccess(opened.GrantId, ["po-nguyen"], ["notification-log"]) { CommandId = Guid.NewGuid(), Actor = "system:emergency-access-notifier" };

        var notified = Assert.IsType<EmergencyAccessNotified>(Assert.Single(JourneyDecider.Decide(state, notify, journey.Context).Events));
        var after = state.Apply(notified);

        Assert.Equal((notify.CommandId, "system:emergency-access-notifier", Now), (notified.CommandId, notified.Actor, notified.OccurredAt));
        Assert.Equal(Now, Assert.Single(after.EmergencyAccess).NotifiedAt);
        Assert.Empty(after.EmergencyAccessUnnotified);
        Assert.Empty(JourneyDecider.Decide(after, notify, journey.Context).Events);
        Assert.Empty(JourneyDecider.Decide(state, notify with { GrantId = Guid.NewGuid() }, journey.Context).Events);
        Assert.DoesNotContain(Names.NotifyEmergencyAccess, JourneyDecider.PublicCommands);
    }

    [Fact]
    public void It_is_not_a_pathway_step_and_needs_a_journey()
    {
        var journey = Engaged();
        Assert.DoesNotContain(Names.OpenEmergencyAccess, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
        Assert.Equal(RejectionKind.NotFound, JourneyDecider.Decide(JourneyState.Empty, Commands.BreakGlass(), journey.Context).Rejection!.Kind);
    }
}
