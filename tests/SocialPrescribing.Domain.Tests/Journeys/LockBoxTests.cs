using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Domain.Journeys.Events;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>Lock-box directives: the person withholds parts of their record from recipients, and releases them.</summary>
public sealed class LockBoxTests
{
    [Fact]
    public void Withholding_information_puts_a_directive_in_force_with_a_new_id_and_who_and_when()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged);
        var command = Commands.Withhold([RecordPart.Plan], [RecipientRole.CommunityPartner], ["dr-chen"]) with { Actor = "lw-lockbox" };

        var withheld = DecisionAssert.Appended<InformationWithheld>(JourneyDecider.Decide(journey.State, command, journey.Context));
        var after = journey.State.Apply(withheld);

        Assert.NotEqual(Guid.Empty, withheld.DirectiveId);
        var directive = Assert.Single(after.WithholdingDirectives);
        Assert.Equal((withheld.DirectiveId, Fixed.Now, "lw-lockbox"), (directive.Id, directive.WithheldAt, directive.WithheldBy));
        Assert.Equal([RecordPart.Plan], directive.Parts);
        Assert.Equal([RecipientRole.CommunityPartner], directive.Roles);
        Assert.Equal(["dr-chen"], directive.RecipientIds);
        Assert.Equal(JourneyStatus.Engaged, after.Status);
    }

    [Fact]
    public void Each_directive_gets_its_own_id_and_they_are_kept_oldest_first()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Referred)
            .Withhold([RecordPart.Assessments])
            .Withhold([RecordPart.Notes]);

        var ids = journey.State.WithholdingDirectives.Select(d => d.Id).ToList();

        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal([RecordPart.Assessments], journey.State.WithholdingDirectives[0].Parts);
    }

    [Fact]
    public void Releasing_a_directive_ends_only_that_one()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold([RecordPart.Assessments]);
        var first = journey.LastDirectiveId;
        journey.Withhold([RecordPart.Notes]);
        var second = journey.LastDirectiveId;

        var released = DecisionAssert.Appended<WithheldInformationReleased>(
            JourneyDecider.Decide(journey.State, Commands.Release(first), journey.Context));
        var after = journey.State.Apply(released);

        Assert.Equal(first, released.DirectiveId);
        Assert.Equal([second], after.WithholdingDirectives.Select(d => d.Id));
    }

    [Fact]
    public void Releasing_an_unknown_directive_is_invalid_naming_the_field()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold();

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Release(Guid.NewGuid()), journey.Context), RejectionKind.Invalid);

        Assert.Equal("directiveId", rejection.Field);
    }

    [Fact]
    public void Releasing_a_directive_already_released_is_invalid_while_another_is_in_force()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold();
        var released = journey.LastDirectiveId;
        journey.Withhold().Release(released);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Release(released), journey.Context), RejectionKind.Invalid);

        Assert.Equal("directiveId", rejection.Field);
    }

    [Fact]
    public void Releasing_when_no_directive_is_in_force_is_a_conflict_naming_the_allowed_commands()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold();
        journey.Release(journey.LastDirectiveId);

        var rejection = DecisionAssert.Rejected(
            JourneyDecider.Decide(journey.State, Commands.Release(Guid.NewGuid()), journey.Context), RejectionKind.Conflict);

        Assert.Empty(journey.State.WithholdingDirectives);
        Assert.DoesNotContain(JourneyCommandNames.ReleaseWithheldInformation, rejection.Allowed);
        Assert.Contains(JourneyCommandNames.WithholdInformation, rejection.Allowed);
        Assert.Equal(JourneyDecider.AllowedCommands(journey.State, journey.Context.Tenant), rejection.Allowed);
    }

    [Theory]
    [InlineData(JourneyStatus.Discharged)]
    [InlineData(JourneyStatus.Declined)]
    [InlineData(JourneyStatus.UnableToContact)]
    public void A_closed_journey_still_takes_and_releases_directives_because_its_record_is_still_disclosed(JourneyStatus status)
    {
        var journey = JourneyBuilder.InStatus(status).Withhold();
        Assert.Single(journey.State.WithholdingDirectives);

        journey.Release(journey.LastDirectiveId);

        Assert.Empty(journey.State.WithholdingDirectives);
        Assert.Equal(status, journey.State.Status);
    }

    [Fact]
    public void The_fold_of_the_log_gives_the_same_directives_in_force_as_the_decisions_did()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold().Withhold([RecordPart.Plan]);
        journey.Release(journey.State.WithholdingDirectives[0].Id);

        var folded = JourneyState.Fold(journey.Events);

        Assert.Equal(journey.State.WithholdingDirectives.Select(d => (d.Id, d.WithheldAt)), folded.WithholdingDirectives.Select(d => (d.Id, d.WithheldAt)));
    }
}
