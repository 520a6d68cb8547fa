using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Privacy;
using SocialPrescribing.Domain.Tests.Support;

namespace SocialPrescribing.Domain.Tests.Journeys;

/// <summary>The one answer every read path asks: what of this journey may this recipient see?</summary>
public sealed class DisclosureTests
{
    private static readonly Recipient DrChen = Recipient.Of(RecipientRole.Referrer, "dr-chen", "org-rideau-fht");
    private static readonly Recipient OtherReferrer = Recipient.Of(RecipientRole.Referrer, "dr-singh");
    private static readonly Recipient WalkingGroup = Recipient.Of(RecipientRole.CommunityPartner, "org-ottawa-seniors");
    private static readonly Recipient FoodBank = Recipient.Of(RecipientRole.CommunityPartner, "org-food-bank");
    private static readonly Recipient LinkWorker = Recipient.Of(RecipientRole.LinkWorker, Commands.LinkWorker);

    [Fact]
    public void Without_a_directive_nothing_is_withheld_from_anyone()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged).State;

        foreach (var recipient in new[] { DrChen, WalkingGroup, LinkWorker })
        {
            var disclosure = Disclosure.To(state, recipient);
            Assert.False(disclosure.AnyWithheld);
            Assert.Empty(disclosure.WithheldParts);
            Assert.All(Enum.GetValues<RecordPart>(), part => Assert.False(disclosure.IsWithheld(part)));
        }
    }

    [Fact]
    public void A_directive_for_a_role_withholds_its_parts_from_everyone_in_that_role_and_from_no_other_role()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Withhold([RecordPart.Assessments, RecordPart.Notes], [RecipientRole.Referrer], []).State;

        Assert.All([DrChen, OtherReferrer], referrer =>
        {
            var disclosure = Disclosure.To(state, referrer);
            Assert.True(disclosure.AnyWithheld);
            Assert.Equal([RecordPart.Assessments, RecordPart.Notes], disclosure.WithheldParts);
            Assert.False(disclosure.IsWithheld(RecordPart.Plan));
        });
        Assert.False(Disclosure.To(state, WalkingGroup).AnyWithheld);
        Assert.False(Disclosure.To(state, LinkWorker).AnyWithheld);
    }

    [Fact]
    public void A_directive_naming_a_recipient_withholds_from_it_alone_whatever_its_role()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Withhold([RecordPart.WhatMatters], [], ["org-ottawa-seniors"]).State;

        Assert.True(Disclosure.To(state, WalkingGroup).IsWithheld(RecordPart.WhatMatters));
        Assert.False(Disclosure.To(state, FoodBank).AnyWithheld);
        Assert.True(Disclosure.To(state, Recipient.Of(RecipientRole.Supervisor, "org-ottawa-seniors")).IsWithheld(RecordPart.WhatMatters));
    }

    [Fact]
    public void A_recipient_is_reached_by_any_of_its_ids_such_as_its_organization()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Withhold([RecordPart.Contacts], [], ["org-rideau-fht"]).State;

        Assert.True(Disclosure.To(state, DrChen).IsWithheld(RecordPart.Contacts));
        Assert.False(Disclosure.To(state, OtherReferrer).AnyWithheld);
    }

    [Fact]
    public void A_named_recipient_is_matched_without_regard_to_case_so_a_near_miss_errs_towards_withholding()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Withhold([RecordPart.Plan], [], ["ORG-Ottawa-Seniors"]).State;

        Assert.True(Disclosure.To(state, WalkingGroup).IsWithheld(RecordPart.Plan));
    }

    [Fact]
    public void Several_directives_withhold_the_union_of_their_parts_each_once_in_a_fixed_order()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged)
            .Withhold([RecordPart.Documents, RecordPart.Notes], [RecipientRole.Referrer], [])
            .Withhold([RecordPart.Notes, RecordPart.Assessments], [], ["dr-chen"])
            .Withhold([RecordPart.Plan], [RecipientRole.CommunityPartner], []).State;

        Assert.Equal([RecordPart.Assessments, RecordPart.Notes, RecordPart.Documents], Disclosure.To(state, DrChen).WithheldParts);
        Assert.Equal([RecordPart.Notes, RecordPart.Documents], Disclosure.To(state, OtherReferrer).WithheldParts);
        Assert.Equal([RecordPart.Plan], Disclosure.To(state, WalkingGroup).WithheldParts);
    }

    [Fact]
    public void A_released_directive_withholds_nothing_any_more()
    {
        var journey = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold([RecordPart.Assessments], [RecipientRole.Referrer], []);
        Assert.True(Disclosure.To(journey.State, DrChen).AnyWithheld);

        journey.Release(journey.LastDirectiveId);

        Assert.False(Disclosure.To(journey.State, DrChen).AnyWithheld);
    }

    [Fact]
    public void The_person_can_withhold_from_their_own_link_worker_too()
    {
        var state = JourneyBuilder.InStatus(JourneyStatus.Engaged).Withhold([RecordPart.Assessments], [], [Commands.LinkWorker]).State;

        Assert.True(Disclosure.To(state, LinkWorker).IsWithheld(RecordPart.Assessments));
        Assert.False(Disclosure.To(state, Recipient.Of(RecipientRole.LinkWorker, Commands.OtherLinkWorker)).AnyWithheld);
    }

    [Fact]
    public void The_notice_says_that_something_is_withheld_without_saying_what()
    {
        Assert.Contains("withheld", Disclosure.Notice, StringComparison.Ordinal);
        Assert.All(
            Enum.GetValues<RecordPart>().SelectMany(p => new[] { WireNames.Of(p), p.ToString() }),
            part => Assert.DoesNotContain(part.Replace('-', ' '), Disclosure.Notice.Replace('-', ' '), StringComparison.OrdinalIgnoreCase));
    }
}
