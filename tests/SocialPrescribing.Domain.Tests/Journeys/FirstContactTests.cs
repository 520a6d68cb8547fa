using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The referral-to-first-contact clock: when it starts, what stops it, and what happens when it runs out.</summary>
public sealed class FirstContactTests
{
    /// <summary>Accepted on Wednesday 4 February 10:00 → due Wednesday 11 February 10:00 EST.</summary>
    private static readonly DateTimeOffset DueAt = Fixed.InToronto(2026, 2, 11, 10);

    public static TheoryData<JourneyStatus> Statuses() => [.. Enum.GetValues<JourneyStatus>()];

    [Fact]
    public void Accepting_a_referral_sets_the_first_contact_deadline_five_business_days_later_at_the_same_local_time()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred);

        var accepted = DecisionAssert.Appended<ReferralAccepted>(JourneyDecider.Decide(journey.State, Commands.Accept("lw-jo"), journey.Context));
        var after = journey.State.Apply(accepted);

        Assert.Equal(DueAt, accepted.FirstContactDueAt);
        Assert.Equal(TimeSpan.FromDays(7), accepted.FirstContactDueAt - Fixed.Now);
        Assert.Equal(("lw-jo", Fixed.Now, DueAt), (after.LinkWorkerId, after.AcceptedAt, after.FirstContactDueAt));
        Assert.True(after.AwaitsFirstContactCheck);
    }

    [Fact]
    public void The_first_contact_deadline_follows_the_tenants_number_of_business_days()
    {
        var tenant = Fixed.Tenant with { FirstContactSlaBusinessDays = 2 };
        var journey = new JourneyBuilder(Fixed.Context(tenant: tenant)).Receive();

        var accepted = DecisionAssert.Appended<ReferralAccepted>(JourneyDecider.Decide(journey.State, Commands.Accept(), journey.Context));

        Assert.Equal(Fixed.InToronto(2026, 2, 6, 10), accepted.FirstContactDueAt);
    }

    [Fact]
    public void The_first_recorded_contact_is_marked_first_engages_the_person_and_stops_the_clock()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted);
        var contactAt = Fixed.Now.AddDays(2);
        journey.At(contactAt);

        var contact = DecisionAssert.Appended<ContactRecorded>(JourneyDecider.Decide(journey.State, Commands.Contact(ContactMode.InPerson), journey.Context));
        var after = journey.State.Apply(contact);

        Assert.True(contact.IsFirstContact);
        Assert.Equal(JourneyStatus.Engaged, after.Status);
        Assert.Equal(contactAt, after.FirstContactAt);
        Assert.False(after.AwaitsFirstContactCheck);
    }

    [Fact]
    public void Later_contacts_are_not_first_and_leave_the_first_contact_time_alone()
    {
        var firstAt = Fixed.Now.AddDays(1);
        var secondAt = Fixed.Now.AddDays(8);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(firstAt).Contact().At(secondAt);

        var second = DecisionAssert.Appended<ContactRecorded>(JourneyDecider.Decide(journey.State, Commands.Contact(ContactMode.Video), journey.Context));
        var after = journey.State.Apply(second);

        Assert.False(second.IsFirstContact);
        Assert.Equal(firstAt, after.FirstContactAt);
        Assert.Equal([firstAt, secondAt], after.Contacts.Select(c => c.At));
        Assert.Equal([ContactMode.Phone, ContactMode.Video], after.Contacts.Select(c => c.Mode));
        Assert.All(after.Contacts, c => Assert.Equal(Commands.LinkWorker, c.By));
    }

    [Fact]
    public void A_first_contact_after_the_deadline_passed_is_still_the_first_contact()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(DueAt.AddHours(1)).Then(Commands.CheckFirstContact());

        var contact = DecisionAssert.Appended<ContactRecorded>(JourneyDecider.Decide(journey.State, Commands.Contact(), journey.Context));

        Assert.True(contact.IsFirstContact);
    }

    [Fact]
    public void Checking_before_the_deadline_does_nothing()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(DueAt.AddTicks(-1));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(60 * 24 * 30)]
    public void Checking_at_or_after_the_deadline_without_a_contact_marks_the_first_contact_overdue(int minutesLate)
    {
        var checkedAt = DueAt.AddMinutes(minutesLate);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(checkedAt);

        var overdue = DecisionAssert.Appended<FirstContactOverdue>(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
        var after = journey.State.Apply(overdue);

        Assert.Equal(DueAt, overdue.DueAt);
        Assert.Equal(checkedAt, after.FirstContactOverdueAt);
        Assert.Equal(JourneyStatus.Accepted, after.Status);
        Assert.False(after.AwaitsFirstContactCheck);
    }

    [Fact]
    public void Checking_after_the_deadline_once_the_person_is_engaged_does_nothing()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).Contact().At(DueAt.AddDays(1));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
    }

    [Fact]
    public void Checking_again_once_the_journey_is_already_overdue_does_nothing()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(DueAt).Then(Commands.CheckFirstContact()).At(DueAt.AddDays(2));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
    }

    [Theory]
    [InlineData(JourneyStatus.Referred)]
    [InlineData(JourneyStatus.Declined)]
    [InlineData(JourneyStatus.UnableToContact)]
    [InlineData(JourneyStatus.Discharged)]
    public void Checking_a_journey_that_is_not_waiting_for_a_first_contact_does_nothing(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status).At(DueAt.AddDays(30));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
    }

    [Fact]
    public void Checking_after_a_declined_acceptance_does_nothing()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).Decline().At(DueAt.AddDays(1));

        DecisionAssert.NothingToDo(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context));
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_first_contact_check_is_never_offered_as_an_allowed_command(JourneyStatus status)
    {
        var journey = JourneyBuilder.WithEveryGuardMet(status);

        Assert.DoesNotContain(JourneyCommandNames.CheckFirstContact, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
        Assert.DoesNotContain(JourneyCommandNames.CheckFirstContact, JourneyDecider.PublicCommands);
    }

    [Fact]
    public void The_first_contact_check_is_not_offered_even_while_it_would_mark_the_journey_overdue()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).At(DueAt.AddDays(1));
        Assert.NotEmpty(JourneyDecider.Decide(journey.State, Commands.CheckFirstContact(), journey.Context).Events);

        Assert.DoesNotContain(JourneyCommandNames.CheckFirstContact, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));
    }
}
