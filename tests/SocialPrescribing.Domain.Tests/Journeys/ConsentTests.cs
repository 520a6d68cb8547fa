using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The person's consent, recorded and withdrawn as journey events: sharing with the referrer, contact, research use.</summary>
public sealed class ConsentTests
{
    public static TheoryData<JourneyStatus> OpenedStatuses() =>
        [.. Enum.GetValues<JourneyStatus>().Where(s => s != JourneyStatus.None)];

    [Fact]
    public void Before_any_consent_is_recorded_nothing_is_shared_with_the_referrer_nor_used_for_research_but_contact_is_allowed()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Referred).State;

        Assert.Equal(ReferrerSharing.None, state.Consent.ReferrerSharing);
        Assert.False(state.Consent.ResearchUse);
        Assert.Equal(ContactPreferences.Any, state.Consent.Contact);
        Assert.Null(state.ConsentUpdatedAt);
        Assert.Null(state.ConsentUpdatedBy);
    }

    [Theory]
    [MemberData(nameof(OpenedStatuses))]
    public void Recording_consent_states_the_persons_choices_with_who_recorded_them_and_when(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);
        var command = Commands.Consent() with { Actor = "lw-recorder" };

        var recorded = DecisionAssert.Appended<ConsentRecorded>(JourneyDecider.Decide(journey.State, command, journey.Context));
        var after = journey.State.Apply(recorded);

        Assert.Equal(Commands.EverythingAgreed, recorded.Consent);
        Assert.Equal(Commands.EverythingAgreed, after.Consent);
        Assert.Equal((Fixed.Now, "lw-recorder"), (after.ConsentUpdatedAt, after.ConsentUpdatedBy));
        Assert.Equal(status, after.Status);
    }

    [Fact]
    public void Recording_consent_again_replaces_the_earlier_choices_whole()
    {
        var statusOnly = new ConsentChoices(ReferrerSharing.StatusOnly, new ContactPreferences([ContactChannel.Letter], [], false), false);
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordConsent();

        journey.RecordConsent(statusOnly);

        Assert.Equal(statusOnly, journey.State.Consent);
        Assert.Equal([ContactChannel.Letter], journey.State.Consent.Contact.Channels);
        Assert.Empty(journey.State.Consent.Contact.Times);
    }

    [Fact]
    public void Withdrawing_sharing_with_the_referrer_takes_effect_at_once_and_leaves_the_other_consents()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordConsent();
        var command = Commands.Withdraw(ConsentScope.ReferrerSharing) with { Actor = "lw-withdrawer" };

        var withdrawn = DecisionAssert.Appended<ConsentWithdrawn>(JourneyDecider.Decide(journey.State, command, journey.Context));
        var after = journey.State.Apply(withdrawn);

        Assert.Equal([ConsentScope.ReferrerSharing], withdrawn.Scopes);
        Assert.Equal(Commands.EverythingAgreed with { ReferrerSharing = ReferrerSharing.None }, after.Consent);
        Assert.Equal((Fixed.Now, "lw-withdrawer"), (after.ConsentUpdatedAt, after.ConsentUpdatedBy));
    }

    [Fact]
    public void Withdrawing_research_use_ends_it()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordConsent().Withdraw(ConsentScope.Research);

        Assert.False(journey.State.Consent.ResearchUse);
        Assert.Equal(ReferrerSharing.FullSummary, journey.State.Consent.ReferrerSharing);
    }

    [Fact]
    public void Withdrawing_consent_to_contact_stops_contact_attempts_but_a_contact_the_person_starts_is_still_recorded()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Accepted).Withdraw(ConsentScope.Contact);

        var rejection = DecisionAssert.Rejected(JourneyDecider.Decide(journey.State, Commands.Attempt(), journey.Context), RejectionKind.Conflict);

        Assert.True(journey.State.Consent.Contact.DoNotContact);
        Assert.Contains("not to be contacted", rejection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyCommandNames.RecordContactAttempt, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.RecordContact, rejection.Allowed);
        DecisionAssert.Appended<ContactRecorded>(JourneyDecider.Decide(journey.State, Commands.Contact(), journey.Context));
    }

    [Fact]
    public void Recording_consent_to_contact_again_allows_contact_attempts_again()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred).Withdraw(ConsentScope.Contact).RecordConsent();

        DecisionAssert.Appended<ContactAttempted>(JourneyDecider.Decide(journey.State, Commands.Attempt(), journey.Context));
    }

    [Fact]
    public void Withdrawing_only_consents_that_are_not_given_is_rejected_naming_the_field()
    {
        // Before any consent is recorded, neither sharing with the referrer nor research use is given.
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Withdraw(ConsentScope.ReferrerSharing, ConsentScope.Research), journey.Context),
            RejectionKind.Conflict);

        Assert.Equal("scopes", rejection.Field);
        Assert.Contains("referrer-sharing or research", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
    }

    [Fact]
    public void Withdrawing_a_given_consent_together_with_one_not_given_records_the_whole_statement()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred);

        var withdrawn = DecisionAssert.Appended<ConsentWithdrawn>(
            JourneyDecider.Decide(journey.State, Commands.Withdraw(ConsentScope.Contact, ConsentScope.Research), journey.Context));

        Assert.Equal([ConsentScope.Contact, ConsentScope.Research], withdrawn.Scopes);
        Assert.Equal(ConsentChoices.Default with { Contact = ContactPreferences.Any with { DoNotContact = true } }, journey.State.Apply(withdrawn).Consent);
    }

    [Fact]
    public void Once_every_consent_is_withdrawn_withdrawing_is_no_longer_allowed_and_the_conflict_names_what_is()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).RecordConsent()
            .Withdraw(ConsentScope.ReferrerSharing, ConsentScope.Contact, ConsentScope.Research);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Withdraw(ConsentScope.Contact), journey.Context), RejectionKind.Conflict);

        Assert.Contains("already withdrawn", rejection.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyCommandNames.WithdrawConsent, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.RecordConsent, rejection.Allowed);
        Assert.Equal(ConsentChoices.Default.ReferrerSharing, journey.State.Consent.ReferrerSharing);
    }

    [Theory]
    [InlineData(JourneyStatus.Discharged)]
    [InlineData(JourneyStatus.Declined)]
    [InlineData(JourneyStatus.UnableToContact)]
    public void A_closed_journey_still_takes_a_withdrawal_and_stays_closed(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status);
        Assert.Contains(JourneyCommandNames.WithdrawConsent, JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant));

        journey.Withdraw(ConsentScope.Contact);

        Assert.True(journey.State.Consent.Contact.DoNotContact);
        Assert.Equal(status, journey.State.Status);
    }

    [Fact]
    public void Consent_on_a_journey_that_does_not_exist_is_not_found()
    {
        var decision = JourneyDecider.Decide(JourneyState.Empty, Commands.Consent(), Fixed.Context());

        DecisionAssert.Rejected(decision, RejectionKind.NotFound);
        Assert.Empty(JourneyDecider.AllowedCommands(JourneyState.Empty, Fixed.Tenant));
    }
}
